/**
 * Portal metadata fields in the lines the chrome stage set aside (`kind: metadata`), in every form portals print them:
 *   `名    称 :…` and `索引号: … 发布机构: …` (colons; characters of a label spread with spaces, empty values),
 *   `[ 索引号 ] | … | [ 发文字号 ] | … |` (bracket-pipe tables), `【发布单位】… 【发布日期】…` (labels in brackets),
 *   `发布机构 市政府办公室 文  号 驻政〔2022〕11号` (label and value without a colon, one or more to a line),
 *   `发布时间:` with its value on the next line (the chrome stage names that line's rule `… (value on the next line)`),
 *   `日期:2024-03-28 17:32    来源:区科委`, `被閱讀1817次,日期:…`, `作者:大连沙河口区政府【转载】`,
 *   and a bare date line (`( 2014-02-14 )`, `-2023- 11/08 08:20`) as the 发布日期 when no label gives one.
 * Labels (content/portal-fields.yaml) are normalised (`文  号` → 发文字号, `公文时效` → 有效性, `发布时间` → 发布日期 …). Empty values are absent; the
 * first occurrence of a label wins. Values are the printed text (trimmed, widgets such as `【字体:` and `【转载】` cut).
 */
import type { RemovedLine } from '../../src/schemas/plan.ts';
import { simplify } from './lexicon/fold.ts';
import type { FieldLabel, PortalFieldLabel } from '../../src/schemas/registry.ts';

export { FIELD_LABELS, type FieldLabel } from '../../src/schemas/registry.ts';

export interface PortalField {
  /** The value as printed, trimmed. */
  value: string;
  /** 1-based source line of the value. */
  line: number;
  /** The label and value as printed (`发 文 字 号 : 〔北辰政发〔2021〕5号 〕`; label and value joined for a value on the next line). */
  raw: string;
}

/** A label as a pattern: its characters may be spread with spaces (`文  号`). */
export const spreadLabel = (label: string) => [...label].join('\\s*');

/** The alternation of `labels`' patterns, longer labels first, so that `发布时间` is never read as `时间`. */
export function labelAlternation(labels: readonly string[]): string {
  return [...labels].sort((a, b) => b.length - a.length).map(spreadLabel).join('|');
}

interface LabelReader {
  alias: Map<string, FieldLabel>;
  bracket: RegExp;
  colon: RegExp;
  row: RegExp;
}

const readers = new WeakMap<readonly PortalFieldLabel[], LabelReader>();

/** The patterns for one list of labels (content/portal-fields.yaml), made once per list. */
function readerFor(labels: readonly PortalFieldLabel[]): LabelReader {
  let reader = readers.get(labels);
  if (reader) return reader;
  const all = labelAlternation(labels.map((l) => l.label));
  reader = {
    alias: new Map(labels.flatMap((l) => (l.field ? [[l.label, l.field] as const] : []))),
    /** `[ 索引号 ] |`, `【发布单位】` */
    bracket: new RegExp(`[\\[【]\\s*(${all})\\s*[\\]】]\\s*[|｜]?`, 'gu'),
    /** `索 引 号 :` */
    colon: new RegExp(`(${all})\\s*[:：]`, 'gu'),
    /** `文  号 驻政…` at the start of the line or after a space: only the labels that begin field rows. */
    row: new RegExp(`(?<=^|\\s)(${labelAlternation(labels.filter((l) => l.row).map((l) => l.label))})(?=\\s)`, 'gu'),
  };
  readers.set(labels, reader);
  return reader;
}

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
function labelHits(form: string, reader: LabelReader): Hit[] {
  for (const re of [reader.bracket, reader.colon, reader.row]) {
    const hits = [...form.matchAll(re)].map((m) => ({ label: m[1]!.replace(/\s/gu, ''), start: m.index, end: m.index + m[0].length }));
    if (hits.length > 0) return hits;
  }
  return [];
}

/** All portal fields in the removed metadata lines, with the labels of content/portal-fields.yaml. */
export function readPortalFields(removed: RemovedLine[], labels: readonly PortalFieldLabel[]): Map<FieldLabel, PortalField> {
  const reader = readerFor(labels);
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
    const hits = labelHits(form, reader);
    // A date line without a label (`( 2014-02-14 )`, `2022年07月16日 字体:[ 大 中 小]`): the text before any label.
    if (/^date line/u.test(r.rule) && !dateLine) {
      const value = cleanValue(src.slice(0, hits[0]?.start ?? src.length)).replace(/^[(（]\s*|\s*[)）]$/gu, '');
      if (value !== '') dateLine = { value, line: r.line, raw: text };
    }
    for (const [i, h] of hits.entries()) {
      const end = hits[i + 1]?.start ?? src.length;
      const label = reader.alias.get(h.label);
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
