// The chain map page: chooses a chain and a scenario, draws the map, opens product panels and
// company cards, and links to the exports. All data comes from POST /graphql (queries.js).

import cytoscape from '/webjars/cytoscape/dist/cytoscape.esm.min.mjs';
import { GAP_KINDS, NO_GAP_COLOR, SCENARIO_ZH, kindName, nameOf } from './labels.js';
import { language, pick, setLanguage, t, translateStatic, word } from './i18n.js';
import { chainTable, exportPng, printTitle } from './reader.js';
import { STYLE, chainModel, elements } from './graph.js';
import { STAGE_ZH, board, newLeadForm } from './board.js';
import { regionMatrix } from './regions.js';
import { gapList } from './gaplist.js';
import { companyEditing, productEditing } from './edit.js';
import { chainRecord, chainSummary, cityOverview } from './overview.js';
import { clearDiff, diffPanel, markDiff, scenarioDiff } from './compare.js';
import { impactSection, markProducts, otherChains } from './company.js';
import { companyCard, h, productPanel, swatch } from './panels.js';
import {
  ADD_LEAD_CONTACT, CHAINS, CHAIN_MAP, CHAIN_OVERVIEW, CHAIN_RECORD, COMPANY_CARD, COMPANY_IMPACT, CREATE_LEAD,
  DROP_LEAD, LEADS, LEAD_COUNTS, MOVE_LEAD, PAGE_SIZE, PRODUCT_DETAIL, REGION_MATRIX, REGION_RANKING,
  SCENARIO_GAPS, SEARCH_COMPANIES, download, graphql, setLogin,
} from './queries.js';

const $ = (id) => document.getElementById(id);

const state = {
  chainId: null,
  scenario: 'CURRENT',
  language: 'zh',
  // the chain shown as a table instead of the map (keyboard readers, screen readers)
  table: false,
  model: null,
  // the login of this tab (leads are confidential) and what is shown: the map or the board
  user: null,
  view: 'map',
  // the product or company whose panel is open ({ type, id }), carried in the URL
  selected: null,
  chains: [],
  owners: [],
  // the gap list's filter: one kind, or all
  gapKind: null,
  // answers arriving after the user moved on are dropped
  generation: 0,
};

const cy = cytoscape({
  container: $('map'),
  style: STYLE,
  layout: { name: 'preset' },
  minZoom: 0.2,
  maxZoom: 3,
  wheelSensitivity: 0.3,
  autoungrabify: true,
  boxSelectionEnabled: false,
});
// the map instance, for the browser console and the browser tests
window.chainlensMap = cy;

function showErrors(title, error) {
  const messages = error && error.messages ? error.messages : [String(error && error.message ? error.message : error)];
  const box = $('errors');
  box.replaceChildren(h('strong', {}, title), h('ul', {}, messages.map((m) => h('li', {}, m))),
    h('button', { type: 'button', class: 'close', 'aria-label': t('close'), onclick: () => { box.hidden = true; } }, '×'));
  box.hidden = false;
}

function clearErrors() {
  $('errors').hidden = true;
}

function setStatus(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

function legend() {
  $('legend').replaceChildren(
    ...GAP_KINDS.map((k) => h('li', {}, swatch(k.color), h('span', { class: 'glyph' }, k.glyph), kindName(k.kind))),
    h('li', {}, swatch(NO_GAP_COLOR), t('noGap')),
    h('li', {}, h('span', { class: 'swatch ghost' }), t('otherChain')),
  );
}

function exportUrl(format, chainId) {
  const params = new URLSearchParams();
  if (chainId) {
    params.set('chainId', chainId);
  }
  params.set('scenario', state.scenario);
  return `/export/gaps.${format}?${params}`;
}

function updateExports() {
  $('export-chain-xlsx').href = exportUrl('xlsx', state.chainId);
  $('export-chain-csv').href = exportUrl('csv', state.chainId);
  $('export-all-xlsx').href = exportUrl('xlsx', null);
  $('export-all-csv').href = exportUrl('csv', null);
}

/**
 * Puts the view in the URL (chain, scenario, language, the product or company open), so that a
 * link reopens it; {@code push} makes it a step Back returns from.
 */
function remember(push = false) {
  const params = new URLSearchParams({ chain: state.chainId, scenario: state.scenario, lang: state.language });
  if (state.view !== 'map') {
    params.set('view', state.view);
  }
  if (state.selected) {
    params.set(state.selected.type, state.selected.id);
  }
  const url = `?${params}`;
  if (push && url !== location.search) {
    history.pushState(null, '', url);
  } else {
    history.replaceState(null, '', url);
  }
}

/** Opens what the URL names: after a link, a reload, Back or Forward. */
async function followUrl() {
  const params = new URLSearchParams(location.search);
  const chain = params.get('chain');
  const scenario = params.get('scenario');
  const redraw = (chain && chain !== state.chainId) || (scenario && scenario !== state.scenario);
  if (chain && state.chains.some((c) => c.id === chain)) {
    state.chainId = chain;
    $('chain').value = chain;
  }
  if (['CURRENT', 'PLANNED'].includes(scenario)) {
    state.scenario = scenario;
    $('scenario').value = scenario;
  }
  if (redraw) {
    await drawChain(false);
  }
  if (params.get('product')) {
    const node = cy.getElementById(params.get('product'));
    cy.elements().removeClass('faded');
    if (!node.empty()) {
      highlight(node);
    }
    openProduct(params.get('product'), false);
  } else if (params.get('company')) {
    openCompany(params.get('company'), false);
  } else {
    state.selected = null;
    closePanel();
    remember();
  }
}

async function loadChains() {
  const { chains, focusRegion, dataDate } = await graphql(CHAINS);
  state.chains = chains;
  state.dataDate = dataDate;
  // the city the page is about, named in the header; its province is marked in 地区对比
  state.focus = focusRegion;
  if (focusRegion) {
    $('focus-region').textContent = `· ${nameOf(focusRegion, state.language)}`;
    for (let r = focusRegion; r; r = r.parent) {
      if (r.level === 'PROVINCE') {
        state.focusProvince = r.id;
      }
    }
  }
  const requested = new URLSearchParams(location.search);
  const select = $('chain');
  chainOptions();
  const wanted = chains.find((c) => c.id === requested.get('chain'));
  state.chainId = (wanted ?? chains[0])?.id ?? null;
  if (['CURRENT', 'PLANNED'].includes(requested.get('scenario'))) {
    state.scenario = requested.get('scenario');
  }
  select.value = state.chainId;
  $('scenario').value = state.scenario;
  showDataDate();
}

async function drawChain(keepUrl = true) {
  const generation = ++state.generation;
  updateExports();
  if (keepUrl) {
    state.selected = null;
    remember();
  }
  closePanel();
  setStatus(t('loading'));
  document.body.dataset.mapReady = 'false';
  let data;
  try {
    data = await graphql(CHAIN_MAP, { chainId: state.chainId, scenario: state.scenario, first: PAGE_SIZE });
  } catch (error) {
    if (generation === state.generation) {
      setStatus('');
      showErrors(t('errMap'), error);
    }
    return;
  }
  if (generation !== state.generation) {
    return;
  }
  if (!data.chain) {
    setStatus('');
    showErrors(t('errMap'), { messages: [t('errNoChain', { id: state.chainId })] });
    return;
  }
  clearErrors();
  state.model = chainModel(data);
  render();
  setStatus(state.model.products.size === 0 ? t('noProducts') : '');
  document.body.dataset.mapReady = 'true';
}

function render() {
  cy.elements().remove();
  cy.add(elements(state.model, state.language));
  refit();
  cy.nodes('.segment.unsupported').toggleClass('platform-layer', $('platform-layer').checked);
  renderGapList();
  renderTable();
}

/** The chain as a table in place of the map, when chosen; its rows open the product's panel. */
function renderTable() {
  const table = $('chain-table');
  $('view-table').setAttribute('aria-pressed', String(state.table));
  $('view-table').textContent = t(state.table ? 'mapOnly' : 'tableView');
  table.hidden = !state.table;
  $('map').hidden = state.table;
  document.body.classList.toggle('table-shown', state.table);
  $('print-title').textContent = printTitle(titleParts());
  $('print-source').textContent = sourceLine();
  if (!state.table || !state.model) {
    table.replaceChildren();
    return;
  }
  table.replaceChildren(chainTable({
    model: state.model,
    language: state.language,
    caption: t('tableCaption', { chain: nameOf(state.model.chain, state.language), scenario: scenarioName() }),
    onOpen: selectProduct,
  }));
}

function scenarioName() {
  return word(state.scenario, SCENARIO_ZH[state.scenario]);
}

/** What a PNG or a print says it shows: chain, scenario, city and the data's date. */
function titleParts() {
  return {
    chain: state.model ? nameOf(state.model.chain, state.language) : '',
    scenario: scenarioName(),
    city: state.focus ? nameOf(state.focus, state.language) : '',
    date: state.dataDate ?? '',
  };
}

function showDataDate() {
  $('data-date').textContent = state.dataDate ? `· ${t('dataDate', { date: state.dataDate })}` : '';
}

/** The whole chain in the map's current box: after a redraw and whenever the panel opens or closes. */
function refit() {
  // cytoscape only watches the window's size, not the map's box beside the panel
  cy.resize();
  cy.fit(undefined, 30);
}

function renderGapList() {
  $('gap-list').replaceChildren(gapList({
    model: state.model,
    language: state.language,
    kind: state.gapKind,
    onKind: (kind) => {
      state.gapKind = kind;
      renderGapList();
    },
    onSelect: selectProduct,
  }));
}

/** Brings a product to the middle of the map, highlights it and opens its panel. */
function selectProduct(productId) {
  const node = cy.getElementById(productId);
  if (node.empty()) {
    return;
  }
  cy.elements().removeClass('faded');
  highlight(node);
  const panelWasOpen = !$('panel').hidden;
  openProduct(productId);
  // a panel that opens refits the map; one already open leaves room to bring the node to the middle
  if (panelWasOpen) {
    cy.animate({ center: { eles: node }, duration: 200 });
  }
}

function openPanel(content) {
  $('panel-body').replaceChildren(content);
  $('panel').scrollTop = 0;
  if ($('panel').hidden) {
    $('panel').hidden = false;
    refit();
  }
  if (matchMedia('(max-width: 700px)').matches) {
    // on a phone the panel is above the list the reader tapped in
    $('panel').scrollIntoView({ block: 'start' });
  }
}

function closePanel() {
  $('panel-body').replaceChildren();
  cy.elements().removeClass('faded');
  clearDiff(cy);
  if (!$('panel').hidden) {
    $('panel').hidden = true;
    refit();
  }
}

let reopen = null;

async function openProduct(productId, push = true) {
  const generation = state.generation;
  reopen = () => openProduct(productId, false);
  state.selected = { type: 'product', id: productId };
  remember(push);
  openPanel(h('p', { class: 'muted' }, t('loading')));
  try {
    // the national ranking is its own request (the server's cost limit), and a failure of it
    // leaves the rest of the panel standing
    const [detail, ranking] = await Promise.all([
      graphql(PRODUCT_DETAIL, { productId, chainId: state.chainId, scenario: state.scenario, first: PAGE_SIZE }),
      graphql(REGION_RANKING, { productId, scenario: nationalScenario() })
        .then((data) => data.regionRanking, () => null),
    ]);
    if (generation !== state.generation) {
      return;
    }
    if (!detail.product) {
      throw { messages: [t('errNoProduct', { id: productId })] };
    }
    openPanel(productPanel({
      detail,
      ranking,
      model: state.model,
      language: state.language,
      openCompany,
      scenario: state.scenario,
      scenarioZh: scenarioName(),
      addLead: state.user ? addLeadForm : null,
      elsewhere: otherChains(detail.product, state.chainId, state.language,
        (chainId) => openChain(chainId, [productId], () => selectProduct(productId))),
    }));
    await withEditing(() => productEditing({ productId, language: state.language, save: saveEdit }));
  } catch (error) {
    closePanel();
    showErrors(t('errProduct'), error);
  }
}

async function openCompany(companyId, push = true) {
  reopen = () => openCompany(companyId, false);
  state.selected = { type: 'company', id: companyId };
  remember(push);
  openPanel(h('p', { class: 'muted' }, t('loading')));
  try {
    const { company } = await graphql(COMPANY_CARD, { id: companyId });
    if (!company) {
      throw { messages: [t('errNoCompany', { id: companyId })] };
    }
    const impact = h('div', { class: 'impact-slot' }, h('p', { class: 'muted' }, pick('计算中…', 'Computing…')));
    openPanel(companyCard({
      company,
      language: state.language,
      openCompany,
      openChain: (chainId, products) => openChain(chainId, products, () => openCompany(companyId, false)),
      impact,
    }));
    graphql(COMPANY_IMPACT, { id: companyId, scenario: nationalScenario() }).then((data) => {
      impact.replaceChildren(impactSection(data.impact, state.language, openCompany));
      document.body.dataset.impactReady = companyId;
    }, (error) => {
      impact.replaceChildren(h('p', { class: 'muted' }, `${pick('断供影响计算失败：', 'The impact could not be computed: ')}${(error.messages ?? [error.message]).join(pick('；', '; '))}`));
    });
    await withEditing(() => companyEditing({ companyId, language: state.language, save: saveEdit }));
  } catch (error) {
    closePanel();
    showErrors(t('errCompany'), error);
  }
}

/**
 * After a login, the chain lead's forms under the open panel (edit.js); a failure to load them
 * leaves the panel standing.
 */
async function withEditing(load) {
  if (!state.user) {
    return;
  }
  const shown = $('panel-body').firstElementChild;
  try {
    const part = await load();
    if (part && $('panel-body').firstElementChild === shown) {
      shown.append(part);
    }
  } catch (error) {
    showErrors(pick('编辑表单加载失败', 'The edit forms could not be loaded'), error);
  }
}

let edits = 0;

/** Writes one edit; the map and the open panel are then read again from the server, not patched. */
async function saveEdit(what, write) {
  await write();
  const again = reopen;
  await drawChain();
  setStatus(`${pick('已保存：', 'Saved: ')}${what}`);
  if (again) {
    await again();
  }
  const node = state.selected?.type === 'product' ? cy.getElementById(state.selected.id) : cy.collection();
  if (!node.empty()) {
    highlight(node);
  }
  document.body.dataset.edits = String(++edits);
}

/** The form under a candidate that records it as a lead; the map follows the new lead. */
function addLeadForm(candidate) {
  return newLeadForm({
    candidate,
    language: state.language,
    owners: state.owners,
    create: async (c, v) => {
      const product = { productId: c.product.id };
      if (v.capacity !== '') {
        product.capacity = Number(v.capacity);
        product.unit = v.unit;
      }
      const { createLead } = await graphql(CREATE_LEAD, {
        input: {
          title: `${c.company.nameZh} ${c.product.nameZh}`,
          companyId: c.company.id,
          products: [product],
          ownerUnitId: v.ownerUnitId,
          investment: v.investment === '' ? null : Number(v.investment),
          stage: v.stage,
          source: v.source,
        },
      });
      const again = reopen;
      await drawChain();
      setStatus(t('leadAdded', { title: createLead.title, stage: word(createLead.stage, STAGE_ZH[createLead.stage]) }));
      document.body.dataset.lastLead = createLead.id;
      if (again) {
        again();
      }
    },
  });
}

async function logIn(user, password) {
  setLogin(user, password);
  try {
    await graphql(LEAD_COUNTS);
    const { govUnits } = await graphql('query Owners { govUnits { id nameZh } }');
    // 市商务局 leads 招商 (seed §20): first in the list of owning units
    state.owners = [...govUnits].sort((a, b) => (b.id === 'baotou-commerce') - (a.id === 'baotou-commerce'));
  } catch (error) {
    setLogin(null);
    throw error;
  }
  state.user = user;
  $('login').textContent = t('logout', { user });
  $('login-form').hidden = true;
  $('view-board').hidden = false;
  $('scenario').querySelector('option[value=PIPELINE]').disabled = false;
  document.body.dataset.user = user;
  // the open panel gets the forms this login may use
  if (!$('panel').hidden && reopen) {
    reopen();
  }
}

function logOut() {
  setLogin(null);
  state.user = null;
  $('login').textContent = t('login');
  $('view-board').hidden = true;
  $('scenario').querySelector('option[value=PIPELINE]').disabled = true;
  delete document.body.dataset.user;
  clearErrors();
  if (state.scenario === 'PIPELINE') {
    state.scenario = 'CURRENT';
    $('scenario').value = 'CURRENT';
  }
  showView('map');
}

function showView(view) {
  state.view = view;
  $('board').hidden = view !== 'board';
  $('regions').hidden = view !== 'regions';
  $('overview').hidden = view !== 'overview';
  $('view-overview').textContent = t(view === 'overview' ? 'mapView' : 'overviewView');
  document.querySelector('.map-area').hidden = view !== 'map';
  $('gap-list').hidden = view !== 'map';
  $('view-board').textContent = t(view === 'board' ? 'mapView' : 'boardView');
  $('view-regions').textContent = t(view === 'regions' ? 'mapView' : 'regionsView');
  closePanel();
  remember();
  if (view === 'board') {
    loadBoard();
  } else if (view === 'regions') {
    loadRegions();
  } else if (view === 'overview') {
    loadOverview();
  } else {
    return drawChain();
  }
  return Promise.resolve();
}

/**
 * Opens a chain on the map from another view or card, highlights the given products there and
 * then does {@code after} (reopens the card the reader came from, or selects the product).
 */
async function openChain(chainId, productIds = [], after = null) {
  state.chainId = chainId;
  $('chain').value = chainId;
  await (state.view === 'map' ? drawChain() : showView('map'));
  if (state.chainId !== chainId) {
    return;
  }
  markProducts(cy, productIds);
  if (after) {
    after();
  }
}

async function loadOverview() {
  const generation = ++state.generation;
  document.body.dataset.overviewReady = 'false';
  const scenario = nationalScenario();
  try {
    const [answers, record] = await Promise.all([
      Promise.all(state.chains.map((c) => graphql(CHAIN_OVERVIEW, { chainId: c.id, scenario, first: PAGE_SIZE }))),
      graphql(CHAIN_RECORD, { chainId: state.chainId, scenario }),
    ]);
    if (generation !== state.generation) {
      return;
    }
    const summaries = answers.map((a) => chainSummary(a.chain, a.gaps));
    const open = summaries.find((s) => s.chain.id === state.chainId);
    $('overview').replaceChildren(
      cityOverview({
        summaries,
        cityName: state.focus ? nameOf(state.focus, state.language) : null,
        scenarioZh: word(scenario, SCENARIO_ZH[scenario]),
        language: state.language,
        current: state.chainId,
        truncatedAt: PAGE_SIZE,
        openChain: (chainId) => openChain(chainId),
      }),
      open ? chainRecord({
        chain: open.chain, targets: record.targets, changes: record.changes, scenarioZh: word(scenario, SCENARIO_ZH[scenario]),
        language: state.language,
      }) : null);
    clearErrors();
    document.body.dataset.overviewReady = 'true';
  } catch (error) {
    showErrors(pick('全市总览加载失败', 'The city overview could not be loaded'), error);
  }
}

/** 规划对比: the open chain's gaps closed and opened by the planned projects, listed and marked. */
async function compareScenarios() {
  if (state.view !== 'map') {
    await showView('map');
  }
  const generation = state.generation;
  try {
    const { current, planned } = await graphql(SCENARIO_GAPS, { chainId: state.chainId, first: PAGE_SIZE });
    if (generation !== state.generation) {
      return;
    }
    const diff = scenarioDiff(current, planned);
    const chain = state.chains.find((c) => c.id === state.chainId);
    openPanel(diffPanel({
      diff, model: state.model, chainName: chain ? nameOf(chain, state.language) : state.chainId,
      language: state.language, onSelect: selectProduct,
    }));
    markDiff(cy, diff);
    document.body.dataset.compareReady = state.chainId;
  } catch (error) {
    showErrors(pick('规划对比加载失败', 'The plan comparison could not be loaded'), error);
  }
}

const leadActions = {
  move: async (lead, v) => {
    await graphql(MOVE_LEAD, { input: { id: lead.id, stage: v.stage, on: v.on, source: v.source } });
    await loadBoard();
  },
  contact: async (lead, v) => {
    await graphql(ADD_LEAD_CONTACT, {
      input: {
        leadId: lead.id, on: v.on, who: v.who, agreed: v.agreed, nextStep: v.nextStep || null, due: v.due || null,
      },
    });
    await loadBoard();
  },
  drop: async (lead, v) => {
    await graphql(DROP_LEAD, { input: { id: lead.id, reason: v.reason, on: v.on } });
    await loadBoard();
  },
};

/**
 * The scenario of the national views (ranking, 地区对比): leads are the focus city's only, so
 * the pipeline scenario reads as the planned one there.
 */
function nationalScenario() {
  return state.scenario === 'CURRENT' ? 'CURRENT' : 'PLANNED';
}

async function loadRegions() {
  const generation = ++state.generation;
  document.body.dataset.regionsReady = 'false';
  try {
    const { regionMatrix: matrix } = await graphql(REGION_MATRIX, {
      chainId: state.chainId, scenario: nationalScenario(),
    });
    if (generation !== state.generation) {
      return;
    }
    const chain = state.chains.find((c) => c.id === state.chainId);
    $('regions').replaceChildren(regionMatrix({
      matrix,
      chainName: chain ? nameOf(chain, state.language) : state.chainId,
      scenarioZh: word(nationalScenario(), SCENARIO_ZH[nationalScenario()]),
      focusRegion: state.focusProvince,
      language: state.language,
      openProduct: (id) => {
        showView('map');
        openProduct(id);
      },
    }));
    document.body.dataset.regionsReady = 'true';
  } catch (error) {
    showErrors(t('errRegions'), error);
  }
}

async function loadBoard() {
  const generation = ++state.generation;
  document.body.dataset.boardReady = 'false';
  try {
    const { leads } = await graphql(LEADS, { chainId: state.chainId, first: PAGE_SIZE });
    if (generation !== state.generation) {
      return;
    }
    const chain = state.chains.find((c) => c.id === state.chainId);
    $('board').replaceChildren(board({
      leads: leads.edges.map((e) => e.node),
      total: leads.totalCount,
      chainName: chain ? nameOf(chain, state.language) : state.chainId,
      language: state.language,
      actions: leadActions,
      exportLedger: () => download(`/export/leads.xlsx?chainId=${encodeURIComponent(state.chainId)}`,
        `招商项目台账-${chain ? chain.nameZh : state.chainId}.xlsx`).catch((error) => showErrors(t('errLedger'), error)),
    }));
    clearErrors();
    document.body.dataset.boardReady = 'true';
  } catch (error) {
    showErrors(t('errBoard'), error);
  }
}

function highlight(node) {
  const neighbourhood = node.closedNeighborhood().union(node.ancestors());
  cy.elements().not(neighbourhood).not(neighbourhood.ancestors()).addClass('faded');
  neighbourhood.removeClass('faded');
}

cy.on('tap', 'node.product, node.ghost', (event) => {
  cy.elements().removeClass('faded');
  highlight(event.target);
  openProduct(event.target.id());
});
cy.on('tap', (event) => {
  if (event.target === cy) {
    closePanel();
    state.selected = null;
    remember(true);
  }
});
window.addEventListener('popstate', () => {
  followUrl().catch((error) => showErrors(t('errUrl'), error));
});

let searchTimer = null;
let searchGeneration = 0;

async function search(text) {
  const results = $('search-results');
  const generation = ++searchGeneration;
  if (text.trim().length === 0) {
    results.hidden = true;
    return;
  }
  try {
    const { searchCompanies } = await graphql(SEARCH_COMPANIES, { text: text.trim() });
    if (generation !== searchGeneration) {
      return;
    }
    results.replaceChildren(...(searchCompanies.length === 0
      ? [h('li', { class: 'muted' }, t('noCompanyFound'))]
      : searchCompanies.map((c) => h('li', {},
        h('button', {
          type: 'button',
          class: 'result',
          'data-company-id': c.id,
          onclick: () => {
            results.hidden = true;
            openCompany(c.id);
          },
        }, nameOf(c, state.language), h('span', { class: 'muted' },
          ` ${nameOf(c, state.language === 'en' ? 'zh' : 'en')}${c.local ? ` · ${t('local')}` : ''}`))))));
    results.hidden = false;
  } catch (error) {
    showErrors(t('errSearch'), error);
  }
}

$('search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => search(event.target.value), 250);
});
$('search').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    clearTimeout(searchTimer);
    search(event.target.value);
  } else if (event.key === 'Escape') {
    $('search-results').hidden = true;
  }
});
document.addEventListener('click', (event) => {
  if (!event.target.closest('.search')) {
    $('search-results').hidden = true;
  }
});

$('chain').addEventListener('change', (event) => {
  state.chainId = event.target.value;
  if (state.view === 'board') {
    remember();
    loadBoard();
  } else if (state.view === 'regions') {
    remember();
    loadRegions();
  } else if (state.view === 'overview') {
    remember();
    loadOverview();
  } else {
    drawChain();
  }
});
$('view-board').addEventListener('click', () => showView(state.view === 'board' ? 'map' : 'board'));
$('view-regions').addEventListener('click', () => showView(state.view === 'regions' ? 'map' : 'regions'));
$('view-overview').addEventListener('click', () => showView(state.view === 'overview' ? 'map' : 'overview'));
$('compare').addEventListener('click', () => compareScenarios());
$('platform-layer').addEventListener('change', (event) => {
  cy.nodes('.segment.unsupported').toggleClass('platform-layer', event.target.checked);
});
$('login').addEventListener('click', () => {
  if (state.user) {
    logOut();
  } else {
    $('login-form').hidden = !$('login-form').hidden;
  }
});
$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = Object.fromEntries(new FormData(event.target).entries());
  try {
    await logIn(values.user, values.password);
    clearErrors();
    event.target.reset();
  } catch (error) {
    showErrors(t('errLogin'), error);
  }
});
$('scenario').addEventListener('change', (event) => {
  state.scenario = event.target.value;
  drawChain();
});
$('language').addEventListener('click', () => {
  setLanguage(state.language === 'zh' ? 'en' : 'zh');
  state.language = language();
  speak();
  if (state.model) {
    render();
  }
  remember();
  if (!$('panel').hidden && reopen) {
    reopen();
  }
  if (state.view === 'board') {
    loadBoard();
  } else if (state.view === 'regions') {
    loadRegions();
  } else if (state.view === 'overview') {
    loadOverview();
  }
});
$('view-table').addEventListener('click', () => {
  state.table = !state.table;
  renderTable();
  if (state.table) {
    // a keyboard reader lands on the first row, not back at the top of the page
    $('chain-table').querySelector('tr[tabindex="0"]')?.focus();
  } else {
    cy.resize();
    cy.fit(undefined, 30);
  }
});
// narrow screens show the gap list first and the map only when asked for
$('show-map').addEventListener('click', () => {
  const shown = document.body.classList.toggle('map-shown');
  $('show-map').setAttribute('aria-pressed', String(shown));
  $('show-map').textContent = t(shown ? 'hideMap' : 'showMap');
  cy.resize();
  cy.fit(undefined, 20);
});
$('print').addEventListener('click', () => window.print());
// a print has the title block above the map, and the map fitted to the printed page (the
// media query also follows a print preview and the browser tests' print emulation)
const printing = matchMedia('print');
function fitForMedia() {
  $('print-title').textContent = printTitle(titleParts());
  $('print-source').textContent = sourceLine();
  cy.resize();
  cy.fit(undefined, printing.matches ? 10 : 30);
}
printing.addEventListener('change', fitForMedia);
window.addEventListener('beforeprint', fitForMedia);
window.addEventListener('afterprint', fitForMedia);
$('panel-close').addEventListener('click', () => {
  closePanel();
  state.selected = null;
  remember(true);
});
$('export-png').addEventListener('click', async () => {
  const blob = await exportPng(cy, { ...titleParts(), legend: legendEntries(), source: sourceLine() });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: `chainlens-${state.chainId}-${state.scenario}.png` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});

/** The chains to choose from, named in the page's language (Chinese with the English beside it). */
function chainOptions() {
  const select = $('chain');
  select.replaceChildren(...state.chains.map((c) => h('option', { value: c.id },
    state.language === 'en' ? c.name || c.nameZh : `${c.nameZh} · ${c.name}`)));
  select.value = state.chainId;
}

/** The fixed texts, the legend and the header in the page's language. */
function speak() {
  translateStatic();
  chainOptions();
  legend();
  showDataDate();
  if (state.focus) {
    $('focus-region').textContent = `· ${nameOf(state.focus, state.language)}`;
  }
  $('login').textContent = state.user ? t('logout', { user: state.user }) : t('login');
  $('view-board').textContent = t(state.view === 'board' ? 'mapView' : 'boardView');
  $('view-regions').textContent = t(state.view === 'regions' ? 'mapView' : 'regionsView');
  $('view-overview').textContent = t(state.view === 'overview' ? 'mapView' : 'overviewView');
  $('show-map').textContent = t(document.body.classList.contains('map-shown') ? 'hideMap' : 'showMap');
}

/** The legend as the PNG draws it: a colour, a glyph and a name per entry. */
function legendEntries() {
  return [...GAP_KINDS.map((k) => ({ color: k.color, glyph: k.glyph, text: kindName(k.kind) })),
    { color: NO_GAP_COLOR, glyph: '', text: t('noGap') }];
}

function sourceLine() {
  return t('source', { city: titleParts().city, date: state.dataDate ?? '' });
}

// the language: the URL's, else Chinese
setLanguage(new URLSearchParams(location.search).get('lang') ?? 'zh');
state.language = language();
speak();
// a link to 地区对比 opens it (the board needs a login first); read before the map rewrites the URL
const linkedView = new URLSearchParams(location.search).get('view');
loadChains().then(() => drawChain(false)).then(followUrl).then(() => {
  if (linkedView === 'regions' || linkedView === 'overview') {
    showView(linkedView);
  }
}).catch((error) => {
  setStatus('');
  showErrors(t('errChains'), error);
});
