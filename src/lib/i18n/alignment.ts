/**
 * The words of 上位规划对照 (the plan-page section and the /alignment/ pages) in Chinese and English, kept beside
 * ui.ts rather than in it (one feature's words in one place). As in ui.ts, `en` must have every key of `zh`.
 */
import type { CheckedAgainst } from '../../schemas/sourced.ts';
import { CHECKED_AGAINST_LABELS } from '../../schemas/sourced.ts';
import type { Locale } from './index.ts';
import { en } from './ui.ts';

export const alignmentZh = {
  title: '上位规划对照',
  description: '地方科技规划的目标与其所落实的上级规划的目标逐项对照：同一指标、同一年份，高于、等于、低于或不可比及其原因。',
  colIndicator: '指标',
  colThis: '本规划',
  colAbove: '上级规划',
  colVerdict: '对照',
  colTarget: '目标',
  colQuote: '原文',
  colSource: '来源',
  /** The plan-page lede: the plan says it carries out the document (the link text is the line). */
  cites: (line: number) => `第${line}行`,
  citesBefore: '本规划（',
  citesAfter: '）写明落实',
  citesEnd: '。下表并列两者都设定了目标的指标。',
  parentPage: '上级规划的全部目标、来源及其他下级规划',
  noParentTargets: '本站尚未记录上级规划的目标，无从对照。',
  noShared: '本规划与上级规划没有共同的指标。',
  rules: '比较的是数值本身：指标名录没有记录哪些指标“越高越好”，本站不据此评判目标的高低优劣。单位、口径或年份不同的不作比较；数量、金额等总量指标随地区规模而定，只给出本规划目标占上级目标的比例（编者计算）。',
  shareOf: (pct: string) => `占上级目标的${pct}（编者计算）`,
  scaleShort: '总量指标，不比高低',
  alsoInText: '原文同年另有',
  year: (y: number | null) => (y === null ? '年份未写明' : `${y}年`),
  indexIntro: '下级规划在印发通知或正文开头写明所落实的上级规划（“为贯彻落实《……》”“依据《……》”）。上级规划不在本站时，其目标摘自公开发布或转载的文本，逐项注明来源与核对日期。',
  colParent: '上级规划',
  colChildren: '落实它的规划',
  colCounts: '对照结果',
  parentHeading: '上级规划的目标',
  childrenHeading: '下级规划的目标',
  childrenIntro: '每格为下级规划同一指标的目标及对照结果；空格表示该规划没有设定这一指标的目标。',
  citedAt: (line: number) => `第${line}行引用`,
  documentPage: '引用文件页',
  onThisSite: '本站全文',
  noTarget: '—',
  dataLink: '数据：',
  countsOf: (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k}${n}项`).join('，'),
  checked: (day: string, against: CheckedAgainst) => `（${day}${CHECKED_AGAINST_LABELS[against]}）`,
  docNumber: '发文字号',
  issuer: '发文机关',
  index: '全部上级规划',
  documentLink: '落实本文件的规划与本文件的目标对照',
  notRecordedShort: '上级规划的目标尚未记录',
  noSharedShort: '没有共同的指标',
  listSeparator: '、',
  open: '（',
  close: '）',
};

export type AlignmentStrings = typeof alignmentZh;

export const alignmentEn: AlignmentStrings = {
  title: 'Alignment with the plan above',
  description: 'Local S&T plans’ targets beside the targets of the plan each carries out: same indicator, same year; higher, equal, lower or not comparable, with the reason.',
  colIndicator: 'Indicator',
  colThis: 'This plan',
  colAbove: 'Plan above',
  colVerdict: 'Comparison',
  colTarget: 'Target',
  colQuote: 'As written',
  colSource: 'Source',
  cites: (line: number) => `line ${line}`,
  citesBefore: 'This plan says (',
  citesAfter: ') that it carries out ',
  citesEnd: '. The table sets side by side the indicators both set targets for.',
  parentPage: 'All targets of the plan above, their sources and its other plans',
  noParentTargets: 'The targets of the plan above are not recorded here yet, so there is nothing to compare.',
  noShared: 'This plan and the plan above set targets for no common indicator.',
  rules: 'The numbers are compared, not the ambition: the indicator registry does not record whether more is better, so no target is called more or less ambitious. Targets in different units, measures or years are not compared; totals (counts, amounts) follow the size of the region, so only the share of the target above is given (editors’ calculation).',
  shareOf: (pct: string) => `${pct} of the target above (editors’ calculation)`,
  scaleShort: 'A total: not ranked',
  alsoInText: 'The text also gives, for the same year: ',
  year: (y: number | null) => (y === null ? 'no year' : String(y)),
  indexIntro: 'A local plan names, in its covering notice or first lines, the plan it carries out. When that plan is not on this site, its targets are taken from a published or reprinted text, each with its source and the day it was checked.',
  colParent: 'Plan above',
  colChildren: 'Plans carrying it out',
  colCounts: 'Comparisons',
  parentHeading: 'Targets of the plan above',
  childrenHeading: 'Targets of the plans carrying it out',
  childrenIntro: 'Each cell gives the plan’s target for the indicator and the comparison; an empty cell means the plan sets no target for it.',
  citedAt: (line: number) => `cited at line ${line}`,
  documentPage: 'cited-document page',
  onThisSite: 'full text on this site',
  noTarget: '—',
  dataLink: 'Data: ',
  countsOf: (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k}: ${n}`).join(', '),
  checked: (day: string, against: CheckedAgainst) => ` (checked ${day} ${en.checkedAgainst[against]})`,
  docNumber: 'Document number',
  issuer: 'Issued by',
  index: 'All plans above',
  documentLink: 'The targets of the plans carrying it out, beside its own',
  notRecordedShort: 'targets above not recorded',
  noSharedShort: 'no indicator in common',
  listSeparator: ', ',
  open: ' (',
  close: ')',
};

export function alignmentUi(locale: Locale): AlignmentStrings {
  return locale === 'en' ? alignmentEn : alignmentZh;
}
