/**
 * Stage 3: drop portal chrome and set aside portal metadata fields, listing every line it takes out.
 * The line rules are data (`content/chrome.yaml`); this module applies them and adds the few rules that depend on
 * the lines around a line, which no regular expression can say (each documented below):
 *   - a label alone on its line whose value the portal prints on the next line (`valueOnNextLine`),
 *   - a line that only counts as chrome directly under another chrome line (`after`),
 *   - a site-header organ above the organ that begins the notice title,
 *   - a portal headline repeating the notice title printed below it.
 * Rules are tested against a matching form of the line (`simplify` from lexicon/fold.ts): traditional characters as simplified, full-width
 * ASCII as half-width, converter pinyin dropped, so that `發佈時間：` is `发布时间:` to the rules. The line itself is kept
 * and listed verbatim.
 */
import { simplify, titleKey } from './lexicon/fold.ts';
import type { ChromeRule } from '../../src/schemas/registry.ts';
import type { RemovedLine } from '../../src/schemas/plan.ts';
import type { SourceLine } from './lines.ts';

export interface ChromeResult {
  /** Non-blank lines that stay in the body, in order. */
  kept: SourceLine[];
  /** Lines taken out, in order. */
  removed: RemovedLine[];
}

/** A line this long that no rule recognises is running text. */
const RUNNING_TEXT = 60;
/**
 * A line this long with a sentence in it is the document's text, whatever it starts with: no rule takes it. A portal's
 * chrome or field line is short (the longest the seeds and the corpus have: 67 characters); a scrape that ran the
 * page's chrome and the document together on one line (`您现在的位置：首页 > … 为深入实施…。`) gave a line a
 * breadcrumb rule took whole, the whole document with it. Kept, the chrome stays in the text, shown as printed.
 */
const DOCUMENT_LINE = 200;
/** A sentence, a salutation (`各区人民政府，市政府各部门：`, `各位领导，同志们：`) or a numbered heading. */
const SENTENCE = /。|(?<![a-zA-Z0-9#]);/u; // (the matching form has `；` as `;`; `&nbsp;` is no sentence)
const SALUTATION = /^各\S.{0,80}?[:：]/u;
const HEADING = /^([一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节部分]|[（(][一二三四五六七八九十]{1,3}[）)])/u;

/** An organ's name on a line of its own (`淄博市人民政府办公室`); a letterhead (`…办公室文件`) is not one. */
const ORGAN = /^[\p{Script=Han}（）()]{2,40}?(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管委会|管理委员会|政府|局|厅|委)$/u;
/** A notice title: `…关于…的通知` (`通 知` may be spread). */
const NOTICE_TITLE = /关于.*通\s*知$/u;
/** A value printed on the line under its label is short and is not a title. */
const MAX_VALUE = 30;
/**
 * A document's title, which no label's value on the next line is (`废止依据：`, empty, over the plan's title): a notice
 * (`关于…`, `…的通知`) or a title ending with what the document is (`…实施方案`, `…规划（2021—2025年）`).
 */
const DOCUMENT_TITLE = /关于|通\s*知$|(规划|计划|方案|纲要|意见|办法|措施|要点|细则|规定)\s*([（(][^（()）]{0,20}[）)])?$/u;

export const RULE_VALUE_ON_NEXT_LINE = (rule: string) => `${rule} (value on the next line)`;
export const RULE_SITE_HEADER = 'site header organ';
export const RULE_REPEATED_TITLE = 'portal page title (repeats the notice title)';
/** What readers see for these rules (the YAML rules carry their own Chinese `label`). */
export const LABEL_VALUE_ON_NEXT_LINE = (label: string) => `${label}（下一行的值）`;
export const LABEL_SITE_HEADER = '网站页头的机关名称';
export const LABEL_REPEATED_TITLE = '网页标题（重复通知标题）';
/** The rule and label of a bare page number (context rule 4); `page number` as chrome.yaml names the others. */
export const RULE_PAGE_NUMBER = 'page number';
const LABEL_PAGE_NUMBER = '页码';
/** The rule and label of a running head or foot (context rule 5). */
const RULE_RUNNING_HEAD = 'running head or foot';
const LABEL_RUNNING_HEAD = '页眉或页脚';
/** A running head is short and no sentence. */
const RUNNING_HEAD_MAX = 40;


/**
 * Characters of a rule's pattern that the rules never see: outside a character class, a traditional or full-width
 * character (`（一）`, `發佈`) can never match, since rules test the simplified, half-width form of each line. Such a
 * rule silently does nothing; the registry loader refuses it. Returns each such character with what to write, unless
 * the pattern also has that (an alternative written both ways).
 */
export function unseenPatternChars(pattern: string): { char: string; write: string }[] {
  const out: { char: string; write: string }[] = [];
  let inClass = false;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    const seen = simplify(c);
    if (seen !== c && !out.some((o) => o.char === c)) out.push({ char: c, write: seen });
  }
  // An alternative spelled both ways (`阅读|閱讀`) still matches through the simplified one.
  return out.filter((o) => !pattern.includes(o.write));
}

interface Compiled extends ChromeRule {
  re: RegExp;
}

export function removeChrome(lines: SourceLine[], rules: ChromeRule[]): ChromeResult {
  const compiled: Compiled[] = rules.map((r) => ({ ...r, re: new RegExp(r.pattern, 'u') }));
  const body = lines.filter((l) => l.text !== '');
  const form = body.map((l) => simplify(l.text));
  const matchesAny = (text: string) => compiled.some((r) => r.re.test(text));
  const documentLine = form.map((t) => [...t].length >= DOCUMENT_LINE && SENTENCE.test(t));

  // Running text: a line no rule recognises that is a sentence, a salutation, a numbered heading or a long line.
  // The portal block (head) is everything before the first such line; the footer (tail) everything after the last.
  // A text that opens with its body has no head, so head rules never reach body lines.
  const running = form.map(
    (t, i) => documentLine[i] || (!matchesAny(t) && (SENTENCE.test(t) || SALUTATION.test(t) || HEADING.test(t) || [...t].length >= RUNNING_TEXT)),
  );
  const firstRunning = running.indexOf(true);
  const headEnd = firstRunning === -1 ? body.length : firstRunning;
  const tailStart = running.lastIndexOf(true) === -1 ? body.length : running.lastIndexOf(true) + 1;
  const zoneOk = (r: ChromeRule, i: number) =>
    r.where === 'anywhere' || (r.where === 'head' && i < headEnd) || (r.where === 'tail' && i >= tailStart);

  const taken: (Pick<RemovedLine, 'kind' | 'rule' | 'label'> | null)[] = body.map(() => null);
  const takenBy: (Compiled | null)[] = body.map(() => null);
  for (let i = 0; i < body.length; i++) {
    const text = form[i]!;
    const prevRule = i > 0 ? takenBy[i - 1] : null;
    const rule = documentLine[i] ? undefined : compiled.find(
      (r) => zoneOk(r, i) && (r.after === undefined || (prevRule !== null && (prevRule!.rule === r.after || prevRule === r))) && r.re.test(text),
    );
    if (rule) {
      taken[i] = { kind: rule.kind, rule: rule.rule, label: rule.label };
      takenBy[i] = rule;
    }
  }

  // Context rule 1 – value on the next line: a label alone on its line (`发布时间:`, `信息来源:`) takes the next
  // non-blank line with it (`2022-03-09 10:38`, `市政府办`) when that line is short, no running text, no notice
  // title, and recognised by no rule, or only as a metadata value without a label (a bare time stamp). Its rule is
  // `<label rule> (value on the next line)`, which tells portal-fields.ts to read it as the label's value.
  for (let i = 0; i + 1 < body.length; i++) {
    const rule = takenBy[i];
    if (!rule?.valueOnNextLine || running[i + 1] || !/[:：]\s*$/u.test(form[i]!)) continue;
    const next = form[i + 1]!;
    const other = takenBy[i + 1];
    if (taken[i + 1] && !(other && other.kind === 'metadata' && !/\p{Script=Han}\s*[:：]/u.test(next))) continue;
    if ([...next].length > MAX_VALUE || DOCUMENT_TITLE.test(next)) continue;
    taken[i + 1] = { kind: rule.kind, rule: RULE_VALUE_ON_NEXT_LINE(rule.rule), label: LABEL_VALUE_ON_NEXT_LINE(rule.label) };
  }

  const free = (i: number) => i < headEnd && taken[i] === null;

  // Context rule 2 – site-header organ: the first line names an organ, and the next line names the organ it is the
  // office of (`淄博市人民政府办公室` over `淄博市人民政府`), which begins the notice title (the line after it starts
  // with 关于, or it runs on into 关于…). The portal's name, printed above the document. A letterhead
  // (`佛山市人民政府办公室文件`) is no organ line; two different organs issuing jointly are not each other's office.
  const first = body.findIndex((_, i) => taken[i] === null);
  if (first !== -1 && free(first) && free(first + 1) && ORGAN.test(form[first]!)) {
    const header = form[first]!.replace(/\s/gu, '');
    const next = form[first + 1]!.replace(/\s/gu, '');
    const organ = /^(.+?)关于/u.exec(next)?.[1] ?? (ORGAN.test(next) ? next : null);
    const titleFollows = organ === next ? /^关于/u.test(form[first + 2] ?? '') : organ !== null;
    if (organ && titleFollows && header !== organ && header.startsWith(organ) && /^(办公室|办公厅)$/u.test(header.slice(organ.length))) {
      taken[first] = { kind: 'chrome', rule: RULE_SITE_HEADER, label: LABEL_SITE_HEADER };
    }
  }

  // Context rule 3 – repeated headline: a `…关于…的通知` line in the portal block that the notice title printed
  // below it (over 1–3 lines, possibly with the issuer in front) repeats. The first copy is the portal's page title.
  for (let i = 0; i < headEnd; i++) {
    if (!free(i) || !NOTICE_TITLE.test(form[i]!)) continue;
    const h = titleKey(form[i]!);
    let repeated = false;
    for (let j = i + 1; j < headEnd && !repeated; j++) {
      let w = '';
      for (let k = j; k < Math.min(j + 3, headEnd) && free(k); k++) {
        w += titleKey(form[k]!);
        if (w.endsWith(h) && w.length - h.length <= 40) repeated = true;
        if (repeated || w.length >= h.length + 40) break;
      }
    }
    if (repeated) taken[i] = { kind: 'metadata', rule: RULE_REPEATED_TITLE, label: LABEL_REPEATED_TITLE };
  }

  // Context rule 4 – bare page number: a line of one to three digits right before a page break (the form feed a copy
  // out of a PDF keeps between pages, `\f` opening the next page's first line or a line of its own). Anywhere else a
  // bare number is text (a table's row number, a cell).
  for (let i = 0; i < body.length; i++) {
    if (taken[i] !== null || !/^\d{1,3}$/u.test(form[i]!)) continue;
    const until = body[i + 1]?.n ?? Infinity;
    const breakAfter = lines.some((l) => l.n > body[i]!.n && l.n <= until && /^[\s]*\f/u.test(l.raw) && (l.n === until || l.text === ''));
    if (breakAfter) taken[i] = { kind: 'print', rule: RULE_PAGE_NUMBER, label: LABEL_PAGE_NUMBER };
  }

  // Context rule 5 – running head or foot: a short line that is no sentence, printed beside a page number (the line
  // before or after it) twice or more: the title or the issuer a PDF repeats on each page. Where it stands elsewhere
  // (the title over the text) it is the text's.
  const besidePageNumber = (i: number) => [i - 1, i + 1].some((j) => taken[j]?.rule === RULE_PAGE_NUMBER);
  const heads = new Map<string, number[]>();
  for (let i = 0; i < body.length; i++) {
    const t = form[i]!.replace(/\s/gu, '');
    if (taken[i] !== null || !besidePageNumber(i) || [...t].length > RUNNING_HEAD_MAX || /[。；;！？!?]/u.test(t) || HEADING.test(t)) continue;
    heads.set(t, [...(heads.get(t) ?? []), i]);
  }
  for (const at of heads.values()) if (at.length >= 2) for (const i of at) taken[i] = { kind: 'print', rule: RULE_RUNNING_HEAD, label: LABEL_RUNNING_HEAD };

  const kept: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  body.forEach((line, i) => {
    const t = taken[i];
    if (t) removed.push({ line: line.n, text: line.raw, ...t });
    else kept.push(line);
  });
  return { kept, removed };
}
