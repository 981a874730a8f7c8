// 全市总览 (issue 14): every chain of the focus city in one table — its gaps by kind, the worst
// severity, the local support rate and the lead units — so that "where are we weakest?" is one
// look across chains; a row opens its chain on the map. Under it, the open chain's targets with
// their progress and its latest recorded changes.

import { pick, pickFrom, t } from './i18n.js';
import { GAP_KINDS, bounded, figure, gapKind, kindName, nameOf, percent } from './labels.js';
import { h } from './panels.js';

/** One chain's figures from the API's answer to CHAIN_OVERVIEW. */
export function chainSummary(chain, gaps) {
  const counts = new Map(GAP_KINDS.map((k) => [k.kind, 0]));
  for (const gap of gaps) {
    counts.set(gap.kind, (counts.get(gap.kind) ?? 0) + 1);
  }
  // the API lists gaps most severe first
  return { chain, gaps, counts, worst: gaps[0] ?? null };
}

function supportRate(support) {
  if (!support || support.rate === null || support.rate === undefined) {
    return h('span', {
      class: 'muted',
      title: pick('无已知需求与已知本地产能的投入，无法计算', 'No input with both a known demand and a known local capacity: it cannot be computed'),
    }, t('unknown'));
  }
  return h('span', {
    title: support.complete
      ? pick('本地配套率：本链本地生产所需投入中本地供给可满足的比例', 'Local support rate: the share of the inputs this chain\'s local production needs that local supply can meet')
      : pick('部分投入的产能未知，未计入（不按 0 计）', 'Some inputs\' capacities are unknown and left out (not counted as 0)'),
  }, percent(support.rate), support.complete ? null : h('span', { class: 'muted' }, ' *'));
}

/** The table of every chain; {@code openChain} opens one on the map. */
export function cityOverview({ summaries, cityName, scenarioZh, language, current, openChain, truncatedAt }) {
  const kinds = GAP_KINDS;
  return h('div', { class: 'city-overview' },
    h('p', { class: 'board-head' }, pick(`${cityName || '本市'} · 全部产业链概览（${scenarioZh}）`, `${cityName || 'The city'} · all chains (${scenarioZh})`)),
    h('p', { class: 'muted' },
      pick('各链缺口按类型计数，最高严重度各链可比；本地配套率“未知”表示无法计算，不按 0 计，“*”表示部分投入产能未知、未计入。点击产业链在图谱中打开。',
        'Each chain\'s gaps counted by kind; the worst severity is comparable across chains. A local support rate of “unknown” cannot be computed and is not counted as 0; “*” means some inputs\' capacities are unknown and left out. Click a chain to open it on the map.')),
    h('div', { class: 'matrix-scroll' },
      h('table', { class: 'matrix overview-table' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'region-head' }, t('chain')),
          h('th', {}, pick('牵头单位', 'Lead units')),
          h('th', {}, pick('缺口合计', 'Gaps in all')),
          kinds.map((k) => h('th', { 'data-gap-kind': k.kind, title: kindName(k.kind) },
            h('span', { class: 'glyph kind-glyph', style: { color: k.color } }, k.glyph), h('div', { class: 'kind-name' }, kindName(k.kind)))),
          h('th', {}, pick('最严重缺口', 'Worst gap')),
          h('th', {}, pick('本地配套率', 'Local support rate')))),
        h('tbody', {}, summaries.map((s) => {
          const worst = s.worst;
          const total = s.gaps.length >= truncatedAt ? `≥ ${s.gaps.length}` : String(s.gaps.length);
          return h('tr', {
            'data-chain-id': s.chain.id,
            class: s.chain.id === current ? 'focus-region' : null,
          },
          h('th', { class: 'region-head' },
            h('button', {
              type: 'button', class: 'link open-chain', onclick: () => openChain(s.chain.id),
            }, nameOf(s.chain, language))),
          h('td', { class: 'lead-units' }, s.chain.leadUnits.length === 0 ? h('span', { class: 'muted' }, pick('未列明', 'not listed'))
            : s.chain.leadUnits.map((u) => nameOf(u, language)).join(pick('、', ', '))),
          h('td', { class: 'cell total', 'data-count': String(s.gaps.length) }, total),
          kinds.map((k) => h('td', {
            class: s.counts.get(k.kind) === 0 ? 'cell zero' : 'cell',
            'data-gap-kind': k.kind,
            'data-count': String(s.counts.get(k.kind)),
          }, s.counts.get(k.kind) === 0 ? '–' : String(s.counts.get(k.kind)))),
          h('td', { class: 'worst', 'data-severity': worst ? String(worst.severity) : '' },
            worst ? [h('span', { class: 'glyph', style: { color: gapKind(worst.kind).color } }, gapKind(worst.kind).glyph),
              ` ${kindName(worst.kind)} · ${worst.severity.toFixed(1)}`] : h('span', { class: 'muted' }, t('noGap'))),
          h('td', { class: 'cell support' }, supportRate(s.chain.localSupport)));
        })))));
}

// [中文, English] of the recorded operations
const OPERATIONS = {
  setCapacity: ['产能', 'capacity'],
  createCompany: ['新增企业', 'new company'],
  updateCompany: ['企业信息', 'company details'],
  createSite: ['新增厂址', 'new site'],
  createProject: ['新增项目', 'new project'],
  updateProject: ['项目信息', 'project details'],
  changeProjectStatus: ['项目状态', 'project status'],
  createPlatform: ['新增平台', 'new platform'],
  updatePlatform: ['平台信息', 'platform details'],
  setTarget: ['目标', 'target'],
  addSupplyLink: ['新增供货关系', 'new supply link'],
  removeSupplyLink: ['删除供货关系', 'supply link removed'],
};

function progressText(progress) {
  if (!progress) {
    return h('span', { class: 'muted' }, pick('非产能目标，不计算进度', 'Not a capacity target: no progress computed'));
  }
  const capacity = bounded(progress.localCapacity, progress.bound, figure(progress.localCapacity, progress.unit));
  const share = bounded(progress.share, progress.bound, percent(progress.share));
  return [
    h('span', { class: 'progress-share' }, share),
    h('span', { class: 'muted' }, pick(` 已知本地产能 ${capacity}，${progress.producerCount} 家企业`
      + (progress.sitesWithUnknownCapacity > 0 ? `，${progress.sitesWithUnknownCapacity} 个厂址产能未知` : ''),
    ` known local capacity ${capacity}, ${progress.producerCount} companies`
      + (progress.sitesWithUnknownCapacity > 0 ? `, ${progress.sitesWithUnknownCapacity} sites of unknown capacity` : ''))),
  ];
}

/** The open chain's targets (with progress in the scenario), lead units and latest changes. */
export function chainRecord({ chain, targets, changes, scenarioZh, language }) {
  return h('div', { class: 'chain-record', 'data-chain-id': chain.id },
    h('h3', {}, `${nameOf(chain, language)} · ${pick('牵头单位', 'lead units')}`),
    h('p', { class: 'record-leads' }, chain.leadUnits.length === 0 ? pick('未列明', 'not listed')
      : chain.leadUnits.map((u) => nameOf(u, language)).join(pick('、', ', '))),
    h('h3', {}, pick(`目标进度（${scenarioZh}，${targets.length} 项）`, `Targets (${scenarioZh}, ${targets.length})`)),
    targets.length === 0 ? h('p', { class: 'muted' }, pick('本链无目标', 'This chain has no targets')) : h('table', { class: 'matrix targets' },
      h('thead', {}, h('tr', {}, h('th', {}, pick('目标', 'Target')), h('th', {}, pick('年份', 'Year')),
        h('th', {}, pick('目标值', 'Value')), h('th', {}, pick('完成度', 'Progress')))),
      h('tbody', {}, targets.map((target) => h('tr', {
        'data-target-id': target.id,
        'data-share': target.progress && target.progress.share !== null ? String(target.progress.share) : '',
      },
      h('td', { class: 'target-name' }, target.note || (target.product ? nameOf(target.product, language) : target.metric),
        target.item ? h('span', { class: 'muted' }, ` §${target.item}`) : null),
      h('td', {}, String(target.year)),
      h('td', {}, figure(target.value, target.unit)),
      h('td', { class: 'progress' }, progressText(target.progress)))))),
    h('h3', {}, pick(`最近修改（${changes.length}）`, `Latest changes (${changes.length})`)),
    changes.length === 0 ? h('p', { class: 'muted' }, pick('暂无修改记录', 'No changes recorded yet')) : h('ul', { class: 'changes' },
      changes.map((c) => h('li', { 'data-change-id': c.id },
        h('span', { class: 'muted' }, `${c.at.slice(0, 16).replace('T', ' ')} · ${c.user} · `),
        `${pickFrom(OPERATIONS, c.operation)} ${c.entityId}`,
        h('span', { class: 'muted' }, ` · ${pick('来源：', 'source: ')}${c.source}`)))));
}
