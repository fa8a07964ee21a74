/**
 * Portal metadata fields in the lines the chrome stage set aside (`kind: metadata`), in every form portals print them:
 *   `名    称 :…` and `索引号: … 发布机构: …` (colons; characters of a label spread with spaces, empty values),
 *   `[ 索引号 ] | … | [ 发文字号 ] | … |` (bracket-pipe tables),
 *   `发布机构 市政府办公室 文  号 驻政〔2022〕11号` (label and value without a colon, one or more to a line),
 *   `发布时间:` with its value on the next line (the chrome stage names that line's rule `… (value on the next line)`),
 *   `日期:2024-03-28 17:32    来源:区科委`, `被閱讀1817次,日期:…`, `作者:大连沙河口区政府【转载】`,
 *   and a bare date line (`( 2014-02-14 )`, `-2023- 11/08 08:20`) as the 发布日期 when no label gives one.
 * Labels are normalised (`文  号` → 发文字号, `公文时效` → 有效性, `发布时间` → 发布日期 …). Empty values are absent; the
 * first occurrence of a label wins. Values are the printed text (trimmed, widgets such as `【字体:` and `【转载】` cut).
 */
import type { RemovedLine } from '../../src/schemas/plan.ts';
import { simplify } from './lexicon/fold.ts';

/** Normalised field labels. */
export const FIELD_LABELS = [
  '名称', '索引号', '发布机构', '发文字号', '主题', '体裁', '成文日期', '发布日期', '生效日期', '废止日期', '有效性', '废止依据', '来源', '作者',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

export interface PortalField {
  /** The value as printed, trimmed. */
  value: string;
  /** 1-based source line of the value. */
  line: number;
  /** The label and value as printed (`发 文 字 号 : 〔北辰政发〔2021〕5号 〕`; label and value joined for a value on the next line). */
  raw: string;
}

/** Printed label (simplified) → normalised label. Longer spellings first, so that `发布时间` is never read as `时间`. */
const ALIASES: [string, FieldLabel][] = [
  ['名称', '名称'], ['标题', '名称'],
  ['索引号', '索引号'],
  ['发布机构', '发布机构'],
  ['发文字号', '发文字号'], ['文号', '发文字号'],
  ['主题分类', '主题'], ['所属主题', '主题'], ['主题', '主题'],
  ['体裁分类', '体裁'], ['体裁', '体裁'],
  ['成文日期', '成文日期'],
  ['发文日期', '发布日期'], ['发布日期', '发布日期'], ['发布时间', '发布日期'],
  ['生效日期', '生效日期'], ['实施日期', '生效日期'],
  ['废止日期', '废止日期'],
  ['有效性', '有效性'], ['公文时效', '有效性'], ['时效性', '有效性'],
  ['废止依据', '废止依据'],
  ['信息来源', '来源'], ['文章来源', '来源'], ['来源', '来源'],
  ['作者', '作者'],
  // Generic words: labels only with a colon.
  ['日期', '发布日期'], ['时间', '发布日期'],
];
/** Labels that end the value before them but are not read (widgets and fields nobody asked for). */
const IGNORED = ['主题词', '公开方式', '公开范围', '字体', '字号', '分享到', '分享', '浏览次数', '阅读次数', '点击数', '责任编辑', '编辑'];

const spread = (label: string) => [...label].join('\\s*');
const ALL = [...ALIASES.map(([l]) => l), ...IGNORED].sort((a, b) => b.length - a.length);
/** `[ 索引号 ] |` */
const BRACKET_RE = new RegExp(`[\\[【]\\s*(${ALL.map(spread).join('|')})\\s*[\\]】]\\s*[|｜]`, 'gu');
/** `索 引 号 :` */
const COLON_RE = new RegExp(`(${ALL.map(spread).join('|')})\\s*[:：]`, 'gu');
/** `文  号 驻政…` at the start of the line or after a space; the generic words (日期, 时间, 来源, 作者) are no labels here. */
const ROW_LABELS = ALIASES.filter(([l]) => l.length >= 3 || l === '文号' || l === '主题' || l === '体裁' || l === '名称').map(([l]) => l);
const ROW_RE = new RegExp(`(?<=^|\\s)(${ROW_LABELS.sort((a, b) => b.length - a.length).map(spread).join('|')})(?=\\s)`, 'gu');

const ALIAS = new Map<string, FieldLabel>(ALIASES);
const VALUE_ON_NEXT_LINE = / \(value on the next line\)$/u;

/** The value between two labels: trimmed of table borders and spaces, a widget (`【字体:`, `【转载】`) cut off. */
function cleanValue(s: string): string {
  let v = s.trim();
  const widget = v.search(/[【]/u);
  if (widget > 0) v = v.slice(0, widget);
  v = v.replace(/[[(（]\s*转载\s*[\])）]$/u, '');
  return v.replace(/^[\s|｜\]】]+|[\s|｜[【]+$/gu, '').trim();
}

interface Hit {
  label: string;
  start: number;
  end: number;
}

/** Label hits in one line: bracket-pipe labels, else colon labels, else colon-less labels of a field row. */
function labelHits(form: string): Hit[] {
  for (const re of [BRACKET_RE, COLON_RE, ROW_RE]) {
    const hits = [...form.matchAll(re)].map((m) => ({ label: m[1]!.replace(/\s/gu, ''), start: m.index, end: m.index + m[0].length }));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** All portal fields in the removed metadata lines. */
export function readPortalFields(removed: RemovedLine[]): Map<FieldLabel, PortalField> {
  const fields = new Map<FieldLabel, PortalField>();
  const set = (label: FieldLabel, f: PortalField) => {
    if (f.value !== '' && !fields.has(label)) fields.set(label, f);
  };
  // A label whose value is printed on the next line: `{ label, raw }` of the line before.
  let pending = null as { label: FieldLabel; raw: string } | null;
  let dateLine: PortalField | null = null;
  for (const r of removed) {
    if (r.kind !== 'metadata') {
      pending = null;
      continue;
    }
    const text = r.text.trim();
    if (VALUE_ON_NEXT_LINE.test(r.rule)) {
      if (pending) set(pending.label, { value: cleanValue(text), line: r.line, raw: `${pending.raw} ${text}` });
      pending = null;
      continue;
    }
    pending = null;
    const form = simplify(text);
    // Offsets in the matching form are offsets in the text when folding kept every character (it does unless it
    // dropped converter pinyin); otherwise values are read from the matching form.
    const src = form.length === text.length ? text : form;
    const hits = labelHits(form);
    // A date line without a label (`( 2014-02-14 )`, `2022年07月16日 字体:[ 大 中 小]`): the text before any label.
    if (/^date line/u.test(r.rule) && !dateLine) {
      const value = cleanValue(src.slice(0, hits[0]?.start ?? src.length)).replace(/^[(（]\s*|\s*[)）]$/gu, '');
      if (value !== '') dateLine = { value, line: r.line, raw: text };
    }
    for (const [i, h] of hits.entries()) {
      const end = hits[i + 1]?.start ?? src.length;
      const label = ALIAS.get(h.label);
      if (!label) continue;
      const value = cleanValue(src.slice(h.end, end));
      const raw = src.slice(h.start, end).replace(/[\s|｜【[]+$/u, '').trim();
      if (value === '' && i === hits.length - 1) pending = { label, raw };
      set(label, { value, line: r.line, raw });
    }
  }
  if (dateLine && !fields.has('发布日期')) fields.set('发布日期', dateLine);
  return fields;
}
