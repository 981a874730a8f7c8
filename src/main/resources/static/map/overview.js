// 全市总览 (issue 14): every chain of the focus city in one table — its gaps by kind, the worst
// severity, the local support rate and the lead units — so that "where are we weakest?" is one
// look across chains; a row opens its chain on the map. Under it, the open chain's targets with
// their progress and its latest recorded changes.

import { GAP_KINDS, bounded, figure, gapKind, nameOf, percent } from './labels.js';
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
    return h('span', { class: 'muted', title: '无已知需求与已知本地产能的投入，无法计算' }, '未知');
  }
  return h('span', {
    title: support.complete ? '本地配套率：本链本地生产所需投入中本地供给可满足的比例'
      : '部分投入的产能未知，未计入（不按 0 计）',
  }, percent(support.rate), support.complete ? null : h('span', { class: 'muted' }, ' *'));
}

/** The table of every chain; {@code openChain} opens one on the map. */
export function cityOverview({ summaries, cityName, scenarioZh, language, current, openChain, truncatedAt }) {
  const kinds = GAP_KINDS;
  return h('div', { class: 'city-overview' },
    h('p', { class: 'board-head' }, `${cityName || '本市'} · 全部产业链概览（${scenarioZh}）`),
    h('p', { class: 'muted' },
      '各链缺口按类型计数，最高严重度各链可比；本地配套率“未知”表示无法计算，不按 0 计，“*”表示部分投入产能未知、未计入。点击产业链在图谱中打开。'),
    h('div', { class: 'matrix-scroll' },
      h('table', { class: 'matrix overview-table' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'region-head' }, '产业链'),
          h('th', {}, '牵头单位'),
          h('th', {}, '缺口合计'),
          kinds.map((k) => h('th', { 'data-gap-kind': k.kind, title: k.zh },
            h('span', { class: 'glyph kind-glyph', style: { color: k.color } }, k.glyph), h('div', { class: 'kind-name' }, k.zh))),
          h('th', {}, '最严重缺口'),
          h('th', {}, '本地配套率'))),
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
          h('td', { class: 'lead-units' }, s.chain.leadUnits.length === 0 ? h('span', { class: 'muted' }, '未列明')
            : s.chain.leadUnits.map((u) => nameOf(u, language)).join('、')),
          h('td', { class: 'cell total', 'data-count': String(s.gaps.length) }, total),
          kinds.map((k) => h('td', {
            class: s.counts.get(k.kind) === 0 ? 'cell zero' : 'cell',
            'data-gap-kind': k.kind,
            'data-count': String(s.counts.get(k.kind)),
          }, s.counts.get(k.kind) === 0 ? '–' : String(s.counts.get(k.kind)))),
          h('td', { class: 'worst', 'data-severity': worst ? String(worst.severity) : '' },
            worst ? [h('span', { class: 'glyph', style: { color: gapKind(worst.kind).color } }, gapKind(worst.kind).glyph),
              ` ${gapKind(worst.kind).zh} · ${worst.severity.toFixed(1)}`] : h('span', { class: 'muted' }, '无缺口')),
          h('td', { class: 'cell support' }, supportRate(s.chain.localSupport)));
        })))));
}

const OPERATION_ZH = {
  setCapacity: '产能', createCompany: '新增企业', updateCompany: '企业信息', createSite: '新增厂址',
  createProject: '新增项目', updateProject: '项目信息', changeProjectStatus: '项目状态',
  createPlatform: '新增平台', updatePlatform: '平台信息', setTarget: '目标', addSupplyLink: '新增供货关系',
  removeSupplyLink: '删除供货关系',
};

function progressText(progress) {
  if (!progress) {
    return h('span', { class: 'muted' }, '非产能目标，不计算进度');
  }
  const capacity = bounded(progress.localCapacity, progress.bound, figure(progress.localCapacity, progress.unit));
  const share = bounded(progress.share, progress.bound, percent(progress.share));
  return [
    h('span', { class: 'progress-share' }, share),
    h('span', { class: 'muted' }, ` 已知本地产能 ${capacity}，${progress.producerCount} 家企业`
      + (progress.sitesWithUnknownCapacity > 0 ? `，${progress.sitesWithUnknownCapacity} 个厂址产能未知` : '')),
  ];
}

/** The open chain's targets (with progress in the scenario), lead units and latest changes. */
export function chainRecord({ chain, targets, changes, scenarioZh, language }) {
  return h('div', { class: 'chain-record', 'data-chain-id': chain.id },
    h('h3', {}, `${nameOf(chain, language)} · 牵头单位`),
    h('p', { class: 'record-leads' }, chain.leadUnits.length === 0 ? '未列明'
      : chain.leadUnits.map((u) => nameOf(u, language)).join('、')),
    h('h3', {}, `目标进度（${scenarioZh}，${targets.length} 项）`),
    targets.length === 0 ? h('p', { class: 'muted' }, '本链无目标') : h('table', { class: 'matrix targets' },
      h('thead', {}, h('tr', {}, h('th', {}, '目标'), h('th', {}, '年份'), h('th', {}, '目标值'), h('th', {}, '完成度'))),
      h('tbody', {}, targets.map((t) => h('tr', {
        'data-target-id': t.id,
        'data-share': t.progress && t.progress.share !== null ? String(t.progress.share) : '',
      },
      h('td', { class: 'target-name' }, t.note || (t.product ? nameOf(t.product, language) : t.metric),
        t.item ? h('span', { class: 'muted' }, ` §${t.item}`) : null),
      h('td', {}, String(t.year)),
      h('td', {}, figure(t.value, t.unit)),
      h('td', { class: 'progress' }, progressText(t.progress)))))),
    h('h3', {}, `最近修改（${changes.length}）`),
    changes.length === 0 ? h('p', { class: 'muted' }, '暂无修改记录') : h('ul', { class: 'changes' },
      changes.map((c) => h('li', { 'data-change-id': c.id },
        h('span', { class: 'muted' }, `${c.at.slice(0, 16).replace('T', ' ')} · ${c.user} · `),
        `${OPERATION_ZH[c.operation] ?? c.operation} ${c.entityId}`,
        h('span', { class: 'muted' }, ` · 来源：${c.source}`)))));
}
