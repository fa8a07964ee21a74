/**
 * Chart test data: values as the targets stage records them, written by hand from `seeds/` (same readings as
 * `tests/fixtures/targets/expected.yaml`). Used only by `*.test.ts`.
 */
import type { ChartValue } from './types.ts';

/** A value with the defaults most table cells share. */
export function v(p: Partial<ChartValue> & Pick<ChartValue, 'indicatorId' | 'value' | 'unit' | 'year' | 'kind' | 'blockId'>): ChartValue {
  return {
    phrase: p.indicatorId ?? '',
    valueText: p.value === null ? '—' : String(p.value),
    qualifiers: [],
    measure: 'level',
    quote: '',
    ...p,
  };
}


/** 辛集市 表1 (2020年基数, 2025年目标), with the prose values that repeat it. */
export const xinji: ChartValue[] = [
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业总数', value: 99, unit: '家', year: 2020, kind: 'achievement', blockId: 'p1-1-1-2-2', quote: '十三五末,全市高新技术企业总数达到99家,科技型中小企业总数达到649家,比2015年分别增加了87家和477家。' }),
  v({ indicatorId: 'tech-smes', phrase: '科技型中小企业总数', value: 649, unit: '家', year: 2020, kind: 'achievement', blockId: 'p1-1-1-2-2', quote: '十三五末,全市高新技术企业总数达到99家,科技型中小企业总数达到649家,比2015年分别增加了87家和477家。' }),
  v({ indicatorId: 'high-tech-enterprises', value: 87, unit: '家', year: 2020, kind: 'achievement', measure: 'increase', blockId: 'p1-1-1-2-2', quote: '十三五末,全市高新技术企业总数达到99家,科技型中小企业总数达到649家,比2015年分别增加了87家和477家。' }),
  // Table values: the quote of a cell is the cell text (scripts/pipeline/targets.ts).
  v({ indicatorId: null, phrase: '创新实力', value: null, valueText: '—', unit: '', year: 2020, kind: 'baseline', blockId: 't1', quote: '—', cell: { row: 0, col: 2 } }),
  v({ indicatorId: null, phrase: '创新实力', value: 10, valueText: '10%', unit: '%', year: 2025, kind: 'target', measure: 'growth', qualifiers: ['年均增长'], blockId: 't1', quote: '年均增长10%', cell: { row: 0, col: 3 } }),
  ...(
    [
      ['high-value-invention-patents-per-10k', '2.每万人口高价值拥有发明专利拥有量(件)', '件', 0.7, 1.17],
      ['industrial-enterprise-rd-to-revenue', '3.规模以上工业企业研发投入占营业收入比重(%)', '%', 0.54, 0.67],
      ['leading-tech-enterprises', '4.科技领军(培育)企业(家)', '家', 0, 2],
      ['high-tech-enterprises', '5.高新技术企业数量(家)', '家', 99, 130],
      ['tech-smes', '6.科技型中小企业数量(家)', '家', 649, 750],
      ['hightech-industry-value-added-share', '7.高新技术产业增加值占规模以上工业增加值比例(%)', '%', 2.8, 7.8],
      ['digital-economy-core-share', '8.数字经济核心产业增加值占地区生产总值比重(%)', '%', 1.2, 2.2],
      ['technology-contract-turnover', '9.技术合同成交额(亿元)', '亿元', 6, 7],
      ['innovation-entrepreneurship-platforms', '10.市级以上创新创业平台数量(家)', '家', 37, 45],
    ] as const
  ).flatMap(([id, row, unit, a, b], i) => {
    const qualifiers = id === 'digital-economy-core-share' ? ['左右'] : [];
    const phrase = row.replace(/^\d+\./u, '').replace(/\([^()]*\)$/u, '');
    const text = `${b}${qualifiers.join('')}`;
    return [
      v({ indicatorId: id, phrase, value: a, unit, year: 2020, kind: 'baseline', blockId: 't1', quote: String(a), cell: { row: i + 1, col: 2 } }),
      v({ indicatorId: id, phrase, value: b, valueText: text, qualifiers, unit, year: 2025, kind: 'target', blockId: 't1', quote: text, cell: { row: i + 1, col: 3 } }),
    ];
  }),
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业', value: 130, valueText: '130家以上', qualifiers: ['力争', '以上'], unit: '家', year: 2025, kind: 'target', blockId: 'p3-1-1-3', quote: '到2025年力争高新技术企业达到130家以上。' }),
];

/** 红桥区: the 工作目标 sentence and the annex 年度分解表 rows for R&D intensity and patents. */
export const hongqiao: ChartValue[] = [
  v({ indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 2.2, valueText: '2.2%以上', qualifiers: ['力争', '以上'], unit: '%', year: 2022, kind: 'target', blockId: 'p1-2-1', quote: '到2022年，全社会研发投入强度力争达到2.2%以上；' }),
  v({ indicatorId: 'valid-invention-patents', phrase: '有效发明专利', value: 1500, valueText: '1500件', unit: '件', year: 2022, kind: 'target', blockId: 'p1-2-1', quote: '全区有效发明专利达到1500件；' }),
  v({ indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 2, unit: '%', year: 2020, kind: 'target', blockId: 't1', quote: '2', cell: { row: 0, col: 2 } }),
  v({ indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 2.1, valueText: '2.1以上', qualifiers: ['以上'], unit: '%', year: 2021, kind: 'target', blockId: 't1', quote: '2.1以上', cell: { row: 0, col: 3 } }),
  v({ indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 2.2, valueText: '2.2以上', qualifiers: ['以上'], unit: '%', year: 2022, kind: 'target', blockId: 't1', quote: '2.2以上', cell: { row: 0, col: 4 } }),
  v({ indicatorId: 'valid-invention-patents', phrase: '全市有效发明专利', value: 1430, unit: '件', year: 2020, kind: 'target', blockId: 't1', quote: '1430', cell: { row: 1, col: 2 } }),
  v({ indicatorId: 'valid-invention-patents', phrase: '全市有效发明专利', value: 1460, unit: '件', year: 2021, kind: 'target', blockId: 't1', quote: '1460', cell: { row: 1, col: 3 } }),
  v({ indicatorId: 'valid-invention-patents', phrase: '全市有效发明专利', value: 1500, unit: '件', year: 2022, kind: 'target', blockId: 't1', quote: '1500', cell: { row: 1, col: 4 } }),
];

/** 北辰区 工作目标. */
export const beichen: ChartValue[] = [
  v({ indicatorId: 'rd-intensity', phrase: '全社会研发投入强度', value: 3.2, valueText: '3.2%以上', qualifiers: ['力争', '以上'], unit: '%', year: 2022, kind: 'target', blockId: 'p1-2-1', quote: '到2022年,全社会研发投入强度力争达到3.2%以上;' }),
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业总量', value: 530, valueText: '530家', qualifiers: ['突破'], unit: '家', year: 2022, kind: 'target', blockId: 'p1-2-2', quote: '到2022年,全区高新技术企业总量突破530家,' }),
];

/** 天津市 2014: R&D as a share of GDP. */
export const tianjin2014: ChartValue[] = [
  v({ indicatorId: 'rd-intensity', phrase: '全社会R&D支出占GDP的比重', value: 2.9, valueText: '2.9%', unit: '%', year: 2014, kind: 'target', blockId: 'p0-1', quote: '全社会R&D支出占GDP的比重达到2.9%。' }),
];

/** 宝坻区: enterprise R&D over sales (a different indicator in the same unit) and a cumulative turnover target. */
export const baodi: ChartValue[] = [
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业', value: 58, unit: '家', year: 2015, kind: 'baseline', blockId: 'p1-1-3', quote: '高新技术企业由2015年58家增加到151家' }),
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业', value: 151, unit: '家', year: 2019, kind: 'achievement', blockId: 'p1-1-3', quote: '高新技术企业由2015年58家增加到151家' }),
  v({ indicatorId: 'enterprise-rd-to-sales', phrase: '规模以上企业研发投入R&D占销售收入比例', value: 2.8, unit: '%', year: 2025, kind: 'target', blockId: 'p3-3-1', quote: '规模以上企业研发投入R&D占销售收入比例达到2.8%' }),
  v({ indicatorId: 'high-tech-enterprises', phrase: '高新技术企业', value: 280, unit: '家', year: 2025, kind: 'target', blockId: 'p3-3-1', quote: '国家高新技术企业达到280家' }),
  v({ indicatorId: 'technology-contract-turnover', phrase: '技术合同成交额', value: 35, qualifiers: ['累计'], unit: '亿元', year: 2025, kind: 'target', measure: 'cumulative', blockId: 'p3-3-1', quote: '技术合同成交额累计达35亿元' }),
];

/** The fixtures as plans of the site: each plan's slug and the label a comparison gives it (its region's name). */
export const fixturePlans = {
  beichen: { slug: 'beichen-2020-2022', planLabel: '北辰区', targets: beichen },
  hongqiao: { slug: 'hongqiao-2020-2022', planLabel: '红桥区', targets: hongqiao },
  tianjin2014: { slug: 'tianjin-2014-work-conference', planLabel: '天津市', targets: tianjin2014 },
  xinji: { slug: 'xinji-14th-five-year', planLabel: '辛集市', targets: xinji },
  baodi: { slug: 'baodi-14th-five-year', planLabel: '宝坻区', targets: baodi },
};
