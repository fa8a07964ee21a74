/**
 * Administrative levels as texts name them before what they count or reward (`国家级科技企业孵化器`, `新建市级以上创新平台`,
 * `省级及以上重点实验室`), written one way: `国家` (of `国家科技企业孵化器`) as `国家级`, `及以上` as `以上`. Not a
 * region's own word (`全市`, `本区`): those name where, not which level.
 */
import { QUOTE_MARKS as QUOTES } from './fold.ts';

const LEVEL = '(国家级|国家|省级|市级|区级|县级)(及以上|以上)?';
/** Levels listed together (`国家级、省级`, `国家级和省级`): what they count together is one scope (`levelOfList`). */
const LEVEL_LIST = `${LEVEL}(?:(?:、|和|及|与|以及|或)${LEVEL})*`;
const LEVEL_AT_START = new RegExp(`^[${QUOTES}]?${LEVEL_LIST}`, 'u');
const LEVEL_BEFORE = new RegExp(`${LEVEL_LIST}[${QUOTES}]?$`, 'u');
const LEVEL_ANYWHERE = new RegExp(LEVEL, 'gu');
const LEVEL_ONLY = new RegExp(`^[${QUOTES}]?${LEVEL}[${QUOTES}]?$`, 'u');
// In brackets just after the thing (`科技企业孵化器（国家级）`, `众创空间(省级及以上)`, `（国家级、省级）`); not what a count
// includes (`（含国家级、省级）`: it counts every level).
const LEVEL_AFTER = new RegExp(`^[（(]\\s*(?:均为|为)?${LEVEL_LIST}\\s*[)）]`, 'u');

/** The order of levels, highest first, for sorting (`国家级` before `省级以上` before `市级` …). */
export const LEVEL_ORDER = ['国家级', '省级', '市级', '区级', '县级'] as const;

const written = (m: RegExpExecArray | RegExpMatchArray) => `${m[1] === '国家' ? '国家级' : m[1]}${m[2] ? '以上' : ''}`;

const ENDS_WITH_LEVEL = new RegExp(`${LEVEL}$`, 'u');
const STARTS_WITH_LEVEL = new RegExp(`^${LEVEL}`, 'u');

/** Whether the 、 at `i` of `text` lists levels of one thing (`国家级、省级科技企业孵化器`), not things. */
export function isLevelListMark(text: string, i: number): boolean {
  return text[i] === '、' && ENDS_WITH_LEVEL.test(text.slice(Math.max(0, i - 6), i)) && STARTS_WITH_LEVEL.test(text.slice(i + 1, i + 7));
}

/**
 * The one scope of levels counted together: a level alone as it is; levels from 国家级 down without a gap as the
 * lowest and above (`国家级、省级` → `省级以上`, `国家级、省级和市级` → `市级以上`); others listed (`省级、市级`).
 */
export function levelOfList(levels: readonly string[]): string | undefined {
  const sorted = [...new Set(levels)].sort((a, b) => levelRank(a) - levelRank(b));
  if (sorted.length <= 1) return sorted[0];
  const bare = sorted.map((l) => l.replace(/以上$/u, ''));
  const fromTop = bare.every((l, i) => l === LEVEL_ORDER[i] || (i === 3 && l === '县级'));
  const lowest = sorted.at(-1)!;
  return fromTop ? (lowest.endsWith('以上') ? lowest : `${lowest}以上`) : sorted.join('、');
}

/**
 * The level named at the start of the phrase at [start, end) of `text`, just before it, or in brackets just after it
 * (levels listed together as one scope, `levelOfList`); `undefined` for none.
 */
export function levelAt(text: string, start: number, end: number): string | undefined {
  const m =
    LEVEL_AT_START.exec(text.slice(start, end)) ?? LEVEL_BEFORE.exec(text.slice(Math.max(0, start - 24), start)) ?? LEVEL_AFTER.exec(text.slice(end, end + 24));
  return m ? levelOfList(levelsIn(m[0])) : undefined;
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

/** A level's rank in `LEVEL_ORDER` (`省级以上` ranks as `省级`, `省级、市级` as its first); after every level for none. */
export function levelRank(level: string | undefined | null): number {
  const i = level ? LEVEL_ORDER.indexOf(level.split('、')[0]!.replace(/以上$/u, '') as (typeof LEVEL_ORDER)[number]) : -1;
  return i < 0 ? LEVEL_ORDER.length : i;
}
