/**
 * Administrative levels as texts name them before what they count or reward (`国家级科技企业孵化器`, `新建市级以上创新平台`,
 * `省级及以上重点实验室`), written one way: `国家` (of `国家科技企业孵化器`) as `国家级`, `及以上` as `以上`. Not a
 * region's own word (`全市`, `本区`): those name where, not which level.
 */
import { QUOTE_MARKS as QUOTES } from './fold.ts';

const LEVEL = '(国家级|国家|省级|市级|区级|县级)(及以上|以上)?';
const LEVEL_AT_START = new RegExp(`^[${QUOTES}]?${LEVEL}`, 'u');
const LEVEL_BEFORE = new RegExp(`${LEVEL}[${QUOTES}]?$`, 'u');
const LEVEL_ANYWHERE = new RegExp(LEVEL, 'gu');
const LEVEL_ONLY = new RegExp(`^[${QUOTES}]?${LEVEL}[${QUOTES}]?$`, 'u');
// One level in brackets just after the thing (`科技企业孵化器（国家级）`, `众创空间（省级及以上）`); not a list (`（含国家级、省级）`).
const LEVEL_AFTER = new RegExp(`^[（(]\\s*(?:均为|为)?${LEVEL}\\s*[)）]`, 'u');

/** The order of levels, highest first, for sorting (`国家级` before `省级以上` before `市级` …). */
export const LEVEL_ORDER = ['国家级', '省级', '市级', '区级', '县级'] as const;

const written = (m: RegExpExecArray | RegExpMatchArray) => `${m[1] === '国家' ? '国家级' : m[1]}${m[2] ? '以上' : ''}`;

/**
 * The level named at the start of the phrase at [start, end) of `text`, just before it, or in brackets just after it;
 * `undefined` for none.
 */
export function levelAt(text: string, start: number, end: number): string | undefined {
  const m =
    LEVEL_AT_START.exec(text.slice(start, end)) ?? LEVEL_BEFORE.exec(text.slice(Math.max(0, start - 6), start)) ?? LEVEL_AFTER.exec(text.slice(end, end + 12));
  return m ? written(m) : undefined;
}

/** The level `text` is and nothing else (`国家级`, `省级及以上` → `省级以上`: a name of a 分别 list, `其中国家级3家`). */
export function levelOnly(text: string): string | undefined {
  const m = LEVEL_ONLY.exec(text.trim());
  return m ? written(m) : undefined;
}

/** The levels `text` names, each once, in order (`新认定的国家级、省级科技企业孵化器` → `国家级`, `省级`). */
export function levelsIn(text: string): string[] {
  return [...new Set([...text.matchAll(LEVEL_ANYWHERE)].map(written))];
}

/** A level's rank in `LEVEL_ORDER` (`省级以上` ranks as `省级`); after every level for none. */
export function levelRank(level: string | undefined | null): number {
  const i = level ? LEVEL_ORDER.indexOf(level.replace(/以上$/u, '') as (typeof LEVEL_ORDER)[number]) : -1;
  return i < 0 ? LEVEL_ORDER.length : i;
}
