/**
 * Reading indicator tables: 002's 年度分解表 (columns 2020年/2021年/2022年, each a yearly target) and 004's 表1
 * (2020年基数 = baseline, 2025年目标 = target). A column holds values when its header names a year or says 基数/目标;
 * 序号, 指标属性 and group columns do not. The row's indicator comes from its name cell (`5.高新技术企业数量(家)`:
 * numbering dropped, the unit read from the brackets). A row whose name is missing is kept, unmapped, and says so.
 */
import type { TableBlock, Target } from '../../../src/schemas/plan.ts';
import type { AliasMatcher } from './aliases.ts';
import type { Period } from './time.ts';
import { findValues } from './values.ts';
import { cellLine } from '../marks.ts';

export type TableTarget = Omit<Target, 'id' | 'blockId'>;

interface ValueColumn {
  col: number;
  kind: Target['kind'];
  year: number | null;
}

/** Placeholders that stand for "no value" in a cell. */
const NO_VALUE = /^[—–\-－/／]+$|^无$/u;
const UNIT_IN_NAME = /[（(]([^（）()]{1,6})[）)]\s*$/u;

function valueColumns(block: TableBlock, plan: Period | null): ValueColumn[] {
  const width = Math.max(0, ...block.rows.map((r) => r.length), ...block.head.map((r) => r.length));
  const columns: ValueColumn[] = [];
  for (let col = 0; col < width; col++) {
    if (col === block.rowHeader) continue;
    const header = block.head.map((r) => r[col]?.text ?? '').join('');
    const year = Number(/((?:19|20)\d{2})年?/u.exec(header)?.[1] ?? NaN) || null;
    if (/基数|基期|基准|现状/u.test(header)) columns.push({ col, kind: 'baseline', year });
    else if (/目标|预期值|计划/u.test(header)) columns.push({ col, kind: 'target', year });
    else if (/实际|完成/u.test(header)) columns.push({ col, kind: 'achievement', year });
    else if (year) columns.push({ col, kind: plan && year < plan.start ? 'achievement' : 'target', year });
  }
  return columns;
}

/** Every value of an indicator table. */
export function readTable(block: TableBlock, aliases: AliasMatcher, plan: Period | null): TableTarget[] {
  const columns = valueColumns(block, plan);
  const groupCol = block.rows[0]?.findIndex((_, c) => c !== block.rowHeader && !columns.some((v) => v.col === c) && !/序号|属性/u.test(block.head.map((r) => r[c]?.text ?? '').join('')));
  const out: TableTarget[] = [];
  let group = '';
  block.rows.forEach((row, r) => {
    if (groupCol !== undefined && groupCol >= 0 && row[groupCol]?.text) group = row[groupCol]!.text;
    const nameCell = block.rowHeader === null ? undefined : row[block.rowHeader];
    const name = (nameCell?.text ?? '').replace(/^\d{1,2}[.．、]\s*/u, '');
    const rowUnit = UNIT_IN_NAME.exec(name)?.[1] ?? '';
    const phrase = name.replace(UNIT_IN_NAME, '').trim();
    for (const column of columns) {
      const cell = row[column.col];
      if (!cell || cell.text === '') continue;
      const spans = NO_VALUE.test(cell.text)
        ? [{ start: 0, end: cell.text.length, valueText: cell.text, value: null, unit: '', qualifiers: [] as string[] }]
        : findValues(cell.text, { cell: true }).values;
      for (const span of spans) {
        const unit = span.unit || rowUnit;
        const alias = phrase ? aliases.last(phrase, unit) : null;
        const prefix = cell.text.slice(0, span.start);
        const growth = /年均增长|增长/u.test(prefix);
        out.push({
          indicatorId: alias?.indicatorId ?? null,
          phrase: phrase || `（${nameCell?.note ?? '指标名称缺失'}${group ? `；类别：${group}` : ''}）`,
          ...(alias?.level ? { level: alias.level } : {}),
          phraseEn: phrase ? null : `(${nameCell?.noteEn ?? 'name missing'}${group ? `; group: ${group}` : ''})`,
          value: span.value,
          valueText: span.valueText,
          unit,
          year: column.year,
          period: growth && column.year && plan ? { start: plan.start, end: column.year } : null,
          qualifiers: [...(/年均增长/u.test(prefix) ? ['年均增长'] : growth ? ['增长'] : []), ...span.qualifiers],
          kind: column.kind,
          measure: growth ? 'growth' : /累计/u.test(prefix + name) ? 'cumulative' : /新增/u.test(prefix + name) ? 'increase' : 'level',
          quote: cell.text,
          start: span.start,
          end: span.end,
          cell: { row: r, col: column.col },
          line: cellLine(block, r, column.col),
        });
      }
    }
  });
  return out;
}
