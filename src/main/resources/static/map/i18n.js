// The page's words in the reader's language (中文 or English) and the one place a quantity and
// its unit are written. The API's unit codes (t, units, Mm2, …) are codes, not words: a Chinese
// reader gets 吨/万吨, 台, 百万平方米; an English one t, units, Mm².

let current = 'zh';

/** The language the page speaks: 'zh' or 'en'. */
export function language() {
  return current;
}

/**
 * Chooses the language. The page keeps it in its URL (lang=en), so that a link or a bookmark
 * opens in the reader's language and one tab's choice does not change another's.
 */
export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
}

// key: [中文, English]; {name} is replaced by the parameter of that name
const MESSAGES = {
  appTitle: ['产业链图谱', 'Industry chain map'],
  chain: ['产业链', 'Chain'],
  scenario: ['情景', 'Scenario'],
  scenarioCurrent: ['现状 (在产)', 'Current (operating)'],
  scenarioPlanned: ['规划 (含在建、拟建)', 'Planned (incl. under construction, planned)'],
  scenarioPipeline: ['含招商线索 (需登录)', 'With leads in talks (login)'],
  searchPlaceholder: ['搜索企业 (中文或English)', 'Search companies (Chinese or English)'],
  searchLabel: ['搜索企业', 'Search companies'],
  languageButton: ['English', '中文'],
  languageTitle: ['界面语言：切换到英文', 'Interface language: switch to Chinese'],
  regionsView: ['地区对比', 'Regions'],
  overviewView: ['全市总览', 'City overview'],
  compareView: ['规划对比', 'Planned vs now'],
  compareTitle: ['现状与规划的缺口对比', 'Which gaps the planned projects close or open'],
  platformLayer: ['标出无创新平台的环节（点线框）', 'Mark segments without an innovation platform'],
  boardView: ['招商看板', 'Lead board'],
  mapView: ['产业链图谱', 'Chain map'],
  login: ['登录', 'Log in'],
  logout: ['退出 {user}', 'Log out {user}'],
  user: ['用户名', 'User'],
  password: ['密码', 'Password'],
  exports: ['导出', 'Exports'],
  exportList: ['招商清单', 'Investment list'],
  exportChainXlsx: ['本链 XLSX', 'This chain XLSX'],
  exportChainCsv: ['本链 CSV', 'This chain CSV'],
  exportAllXlsx: ['全部链 XLSX', 'All chains XLSX'],
  exportAllCsv: ['全部链 CSV', 'All chains CSV'],
  exportPng: ['地图 PNG', 'Map PNG'],
  print: ['打印', 'Print'],
  tableView: ['表格视图', 'Table view'],
  mapOnly: ['图谱视图', 'Map view'],
  showMap: ['显示图谱', 'Show map'],
  hideMap: ['隐藏图谱', 'Hide map'],
  close: ['关闭', 'Close'],
  loading: ['加载中…', 'Loading…'],
  noProducts: ['本链暂无产品', 'This chain has no products yet'],
  mapLabel: ['产业链图谱', 'Chain map'],
  gapListLabel: ['缺口清单', 'Gap list'],
  legend: ['图例', 'Legend'],
  legendNote: ['节点大小：本地产能（同单位产品间比较）；空心：本地无生产；虚线半透明：有生产、产能未知。虚线边：存量需求 (STOCK)。',
    'Node size: local capacity (among products of one unit); hollow: not made locally; dashed, pale: made locally, capacity unknown. Dashed edge: stock demand (STOCK).'],
  noGap: ['无缺口', 'No gap'],
  otherChain: ['其他产业链的产品', 'Product of another chain'],
  dataDate: ['数据截至 {date}', 'Data as of {date}'],
  source: ['来源：chainlens 产业链图谱（{city}），数据截至 {date}；依据政策文件与公开资料，各行来源见招商清单导出',
    'Source: chainlens industry chain map ({city}), data as of {date}; from policy documents and public sources, each line\'s source in the exported investment list'],
  // errors and statuses
  errMap: ['图谱加载失败', 'The map could not be loaded'],
  errNoChain: ['没有产业链 {id}', 'No chain {id}'],
  errProduct: ['产品详情加载失败', 'The product could not be loaded'],
  errNoProduct: ['没有产品 {id}', 'No product {id}'],
  errCompany: ['企业信息加载失败', 'The company could not be loaded'],
  errNoCompany: ['没有企业 {id}', 'No company {id}'],
  errSearch: ['企业搜索失败', 'The company search failed'],
  errLogin: ['登录失败', 'Login failed'],
  errRegions: ['地区对比加载失败', 'The regions could not be loaded'],
  errBoard: ['招商看板加载失败', 'The lead board could not be loaded'],
  errLedger: ['台账导出失败', 'The ledger could not be exported'],
  errChains: ['产业链列表加载失败', 'The chains could not be loaded'],
  errUrl: ['页面状态恢复失败', 'The page could not follow the address'],
  noCompanyFound: ['未找到企业', 'No company found'],
  local: ['本地', 'local'],
  leadAdded: ['已加入招商线索：{title}（{stage}）', 'Added as a lead: {title} ({stage})'],
  // gap list
  gapListTitle: ['缺口清单（{count}）', 'Gaps ({count})'],
  gapFilter: ['按缺口类型筛选', 'Filter by gap kind'],
  allKinds: ['全部类型', 'All kinds'],
  gapListHint: ['按严重度排序（各链可比）；点击定位到图谱', 'By severity (comparable across chains); click to find it on the map'],
  noGapOfKind: ['本情景下无此类缺口', 'No gap of this kind in this scenario'],
  // the chain as a table
  tableCaption: ['{chain} · {scenario}：各产品本地产能与缺口（Tab 或方向键移动，回车打开详情）',
    '{chain} · {scenario}: local capacity and gaps by product (Tab or arrow keys to move, Enter opens the details)'],
  colSegment: ['环节', 'Segment'],
  colProduct: ['产品', 'Product'],
  colCapacity: ['本地产能', 'Local capacity'],
  colSelfSufficiency: ['自给率', 'Self-sufficiency'],
  colGaps: ['缺口类型', 'Gap kinds'],
  colSeverity: ['严重度', 'Severity'],
  noDemand: ['—（无本地需求）', '— (no local demand)'],
  unknown: ['未知', 'unknown'],
  notMadeLocally: ['{figure}（本地无生产）', '{figure} (not made locally)'],
  // panels
  unit: ['单位', 'unit:'],
  panelBalance: ['产能与需求（{scenario}）', 'Capacity and demand ({scenario})'],
  panelGaps: ['缺口（{count}）', 'Gaps ({count})'],
  panelNoGaps: ['本情景下无缺口', 'No gap in this scenario'],
  panelOtherChain: ['其他产业链的产品：它的产能平衡和缺口在所属产业链的图谱中。',
    'A product of another chain: its balance and gaps are on its own chain\'s map.'],
  panelCandidatesOutside: ['外地候选企业', 'Candidates elsewhere'],
  panelLocalLines: ['本地产线（{count}）', 'Local lines ({count})'],
  panelOutsideProducers: ['外地生产企业（{count}）', 'Producers elsewhere ({count})'],
  panelNational: ['全国产地（按省份，已知产能排序）', 'Where it is made (provinces by known capacity)'],
  panelSuggested: ['建议招引企业', 'Companies to attract'],
  severity: ['严重度 {value}', 'severity {value}'],
  capacityTerm: ['本地产能', 'Local capacity'],
  estimateTerm: ['其中估算', 'Of which estimated'],
  demandTerm: ['本地需求', 'Local demand'],
  selfSufficiencyTerm: ['自给率', 'Self-sufficiency'],
  producersTerm: ['本地生产企业', 'Local producers'],
  completeTerm: ['数据完整', 'Data complete'],
  companyCol: ['企业', 'Company'],
  capacityCol: ['产能', 'Capacity'],
  statusCol: ['状态', 'Status'],
  regionCol: ['地区', 'Region'],
  provinceCol: ['省份', 'Province'],
  leadersCol: ['领先企业', 'Leading companies'],
  none: ['无', 'none'],
  panelSites: ['厂址（{count}）', 'Sites ({count})'],
  panelProducts: ['产品（{count}）', 'Products ({count})'],
  panelChains: ['产业链（{count}）', 'Chains ({count})'],
  panelProjects: ['项目（{count}）', 'Projects ({count})'],
  panelPlatforms: ['创新平台（{count}）', 'Innovation platforms ({count})'],
  panelSuppliers: ['本地供应商（{count}）', 'Local suppliers ({count})'],
  panelCustomers: ['本地客户（{count}）', 'Local customers ({count})'],
  localCompany: ['本地企业', 'local company'],
  outsideCompany: ['外地企业', 'company elsewhere'],
  headquarters: ['总部 {place}', 'headquarters {place}'],
  // the board's and the matrix's headings
  boardTitle: ['{chain} · 招商看板', '{chain} · lead board'],
};

/** The message {@code key} in the page's language, its {name} parts filled in. */
export function t(key, params = {}) {
  const entry = MESSAGES[key];
  if (!entry) {
    return key;
  }
  const text = entry[current === 'en' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A one-off text of a module, given in both languages where it is used. */
export function pick(zh, en) {
  return current === 'en' ? en : zh;
}

/**
 * A code's words from a module's table of [中文, English] pairs; a code the table does not know
 * is shown as it is, so that a new server value still reads as something.
 */
export function pickFrom(table, code) {
  const words = table[code];
  return words ? pick(...words) : code;
}

/** Words of the API's enum values the page shows: gap kinds, statuses, stages, scenarios, actions. */
const WORDS = {
  MISSING: 'Missing link',
  SHORTFALL: 'Local shortfall',
  PIPELINE_ONLY: 'Only under construction/planned',
  SINGLE_SOURCE: 'Single source',
  EXTENSION: 'Surplus (extend the chain)',
  NO_INNOVATION_SUPPORT: 'No innovation platform (segment)',
  OPERATING: 'operating',
  UNDER_CONSTRUCTION: 'under construction',
  PLANNED: 'planned',
  UPSTREAM: 'Upstream',
  MIDSTREAM: 'Midstream',
  DOWNSTREAM: 'Downstream',
  SUPPORTING: 'Supporting',
  CURRENT: 'Current',
  PIPELINE: 'With leads',
  RESERVE: 'In reserve',
  PRELIMINARY: 'Preliminary',
  SIGNED: 'Signed',
  CONSTRUCTION: 'Under construction',
  PRODUCTION: 'In production',
  DROPPED: 'Dropped',
  补链: 'fill the gap',
  强链: 'strengthen',
  延链: 'extend',
};

/** An enum value's word: the Chinese one given, or its English one. */
export function word(code, zh) {
  return current === 'en' ? WORDS[code] ?? code : zh ?? code;
}

// 'units' is a count whose Chinese measure word depends on the thing counted
const COUNTED = [
  { match: /truck|vehicle/, zh: '辆', en: 'vehicles' },
  { match: /station/, zh: '座', en: 'stations' },
  { match: /chip/, zh: '片', en: 'pcs' },
  { match: /bearing|pitch-yaw|control-system/, zh: '套', en: 'sets' },
];

const UNITS = {
  t: { zh: '吨', en: 't' },
  万t: { zh: '万吨', en: '×10,000 t' },
  't/d': { zh: '吨/日', en: 't/d' },
  't-blank': { zh: '吨（毛坯）', en: 't (blanks)' },
  Mm2: { zh: '百万平方米', en: 'Mm²' },
  MW: { zh: '兆瓦', en: 'MW' },
  MWh: { zh: '兆瓦时', en: 'MWh' },
  GW: { zh: 'GW', en: 'GW' },
  GWh: { zh: 'GWh', en: 'GWh' },
  Nm3: { zh: '标准立方米', en: 'Nm³' },
  亿元: { zh: '亿元', en: '×100 million yuan' },
  '万片-300mm': { zh: '万片（300mm）', en: '×10,000 wafers (300 mm)' },
  '万片-8英寸当量': { zh: '万片（8英寸当量）', en: '×10,000 wafers (8-inch eq.)' },
};

function counted(productId) {
  return COUNTED.find((c) => c.match.test(productId ?? '')) ?? { zh: '台', en: 'units' };
}

/** A unit code in the reader's language: 台, 吨, 百万平方米 / units, t, Mm². */
export function unitName(unit, productId) {
  if (!unit) {
    return '';
  }
  if (unit === 'units') {
    return counted(productId)[current];
  }
  return UNITS[unit]?.[current] ?? unit;
}

/**
 * The server's Chinese prose (a gap's explanation, a score's breakdown) writes amounts with
 * the unit codes so that they can be recomputed (341000 t, 0.125 units/MW); a Chinese reader
 * gets the same figures with the unit words (341000 吨, 0.125 台/MW). English keeps the codes.
 */
export function unitsInText(text, productId) {
  if (current === 'en' || !text) {
    return text;
  }
  const zh = (code) => (code === 'units' ? counted(productId).zh : UNITS[code]?.zh ?? code);
  return text.replace(/(\d)\s?(units|Mm2|t)(?:\/(units|Mm2|t|MW|GW|GWh))?(?![A-Za-z0-9])/g,
    (whole, digit, unit, per) => `${digit} ${zh(unit)}${per ? `/${/^[MG]W/.test(per) ? per : zh(per)}` : ''}`);
}

function trim(value, locale) {
  return Number(value.toPrecision(4)).toLocaleString(locale, { maximumFractionDigits: 3 });
}

/**
 * A quantity with its unit, never an unknown as 0: 未知 / unknown for a missing value. Chinese
 * counts 万 and 亿 (1.2 万吨, 3.5 万台); English writes the number out (12,000 t).
 */
export function quantity(value, unit, productId) {
  if (value === null || value === undefined) {
    return t('unknown');
  }
  const name = unitName(unit, productId);
  if (current === 'en') {
    const abs = Math.abs(value);
    const text = abs >= 1e6 ? `${trim(value / 1e6, 'en')} million` : trim(value, 'en');
    return name ? `${text} ${name}` : text;
  }
  // as the server's prose says amounts: the number, a space, then 万/亿 and the unit word
  // (34.1 万吨, 300 台, 1.2 万 GW)
  const abs = Math.abs(value);
  const [number, scale] = abs >= 1e8 ? [value / 1e8, '亿'] : abs >= 1e4 ? [value / 1e4, '万'] : [value, ''];
  const chinese = /^[\u4e00-\u9fff]/.test(name);
  const said = [trim(number, 'zh-CN'), `${scale}${scale && name && !chinese ? ' ' : ''}${name}`].filter(Boolean);
  return said.join(' ');
}

/** Sets the text of the page's fixed elements (data-i18n, data-i18n-placeholder, data-i18n-label). */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.title = t(element.dataset.i18nTitle);
  }
}
