/**
 * Stage 4b (after corrections): HTML residue of the scrape in body lines, and the Markdown bold a converter wrapped a
 * whole line in. Texts are shown verbatim, but not the
 * markup junk a page store left in them: paragraph and line-break tags (`</p>`, `<br>`, and `/p>` whose `<` was
 * eaten), and HTML entities (`&nbsp;`, `&amp;`, and `?rdquo;` whose `&` was eaten together with the character
 * before it). Each removal is recorded as a repair on the line (source `residue`), with the original beside it and a
 * reason in Chinese and in English. One lost character can be named: a right quote after 十一…十五 (`十四?rdquo;`)
 * closes a five-year plan's short name, which official writing always prints quoted, so the eaten character is 五
 * and a missing left quote is put back (`“十四五”`); so is the 〇 of `二〇三五年远景目标` (`LOST_ZERO`). A numeric
 * reference is read where it stands for Chinese text (`&#xff0c;` → `，`, `&#8220;` → `“`). Other markup (`<script>`,
 * `&#x3C;`) is text and stays.
 *
 * A page served through a traditional-script gateway may carry the tone-marked pinyin its converter put after some
 * characters (`發(fā)展`, `習(xí)近平`); each is removed too (source `converter`, `lexicon/fold.ts` reads the damage). A
 * pinyin broken over two lines (`創(\nchuàng)`) is left to the matching, which reads past it.
 *
 * Some page stores lowered the character before each tag whose `<` they ate by one code point (`政庛/p>` for
 * `政府</p>`, `形劾/p>` for `形势</p>`, `执行、/p>` for `执行。</p>`, `局9/p>` for `局:</p>`). A text is read as damaged that
 * way when at least two such characters become a mark that ends a paragraph (`、` → `。`, `(` → `)`) and none is such a
 * mark already; then each of them is put back (`decrementedBeforeTag`), the original beside it. Where the evidence is
 * not there, garbled characters are left as they are: only the residue goes.
 */
import type { LineRepair, WorkLine } from './corrections.ts';
import { findPinyinDamage } from './lexicon/fold.ts';

/** Tags that only carry paragraph or inline layout; a scrape that kept them left junk, not text. */
const TAG = '(?:p|br|div|span|font|strong|b|em|td|tr|li)';
const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
};
const ENTITY = `(?:${Object.keys(ENTITIES).join('|')})`;
/** A numeric character reference (`&#xff0c;`, `&#65292;`). */
const NUMERIC = '&#(?:[xX][0-9a-fA-F]{2,6}|\\d{2,7});';

/**
 * The character a numeric reference stands for, when it is one an HTML encoder wrote for Chinese text: a CJK character
 * or mark, a full-width form, a Chinese quote, dash or ellipsis (`&#xff0c;` → `，`). Any other (`&#x3C;`) is text.
 */
function numericChar(token: string): string | null {
  const m = /^&#(?:[xX]([0-9a-fA-F]+)|(\d+));$/u.exec(token);
  if (!m) return null;
  const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  const chinese = (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || [0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x00b7].includes(code);
  return chinese ? String.fromCodePoint(code) : null;
}

/** `十四?rdquo;`: the character the entity ate after 十X can only be the 五 of a five-year plan's name (十四五). Not after
 * another numeral or 第 (`二十四`, `第十四`), where 十X is part of a larger number. */
const FIVE_YEAR_CLOSE = '(?<![一二三四五六七八九十百千第])十[一二三四五]\\?rdquo;';
/**
 * `和二三五年远景目标`: the 〇 a scrape lost from 二〇三五年远景目标, the fixed name of the national plans' long-range
 * objectives (a page that set 〇 as an image or an odd glyph drops it). Only in that phrase.
 */
const LOST_ZERO = '(?<![〇○零一二三四五六七八九十百千])二三五(?=年远景目标)';

/**
 * `**一、总体要求**`: the bold a page-to-text converter wrote around a whole line (a heading set in `<strong>`), one pair
 * around all of it. Any other `**` is text.
 */
const BOLD_INSIDE = '\\S(?:(?!\\*\\*).)*\\S';
const MARKDOWN_BOLD = [`^\\*\\*(?=${BOLD_INSIDE}\\*\\*$)`, `(?<=^\\*\\*${BOLD_INSIDE})\\*\\*$`];
/** `### 三、重点任务`: the heading marker a converter wrote before a numbered heading (a `#` before anything else is text). */
const MARKDOWN_HEADING = '^#{1,6}[ \\u3000]+(?=第[一二三四五六七八九十]{1,3}[章节部分]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[.、．]\\D)';

const RESIDUE = new RegExp(
  [
    ...MARKDOWN_BOLD,
    MARKDOWN_HEADING,
    FIVE_YEAR_CLOSE,
    LOST_ZERO,
    `<\\s*/?\\s*${TAG}\\b[^<>]{0,80}>`, // `</p>`, `<br>`, `<br />`, `<p style="…">`
    `(?<!<)/${TAG}>`, // `/p>`: a closing tag whose `<` the scrape ate
    `&${ENTITY};`, // `&nbsp;`, `&amp;`
    NUMERIC, // `&#xff0c;` (read only where it stands for Chinese text: `numericChar`)
    `\\?${ENTITY};`, // `?rdquo;`: the `&` and the character before it became one `?`
  ].join('|'),
  'gu',
);

/** A closing tag whose `<` the scrape ate. */
const EATEN_TAG = new RegExp(`(?<!<)/${TAG}>`, 'u');
const EATEN_TAGS = new RegExp(EATEN_TAG.source, 'gu');
/** Marks a paragraph ends with. */
const PARAGRAPH_END = new Set([...'。！？：；）」』”》!?:;)']);

/** The character before an eaten tag at `at` in `text` that the damage may have lowered: not a lost character (`?`). */
function charBeforeTag(text: string, at: number): string | null {
  const c = text[at - 1];
  return c && !/[?？\uFFFD\s\uD800-\uDFFF]/u.test(c) ? c : null;
}
const raised = (c: string) => String.fromCodePoint(c.codePointAt(0)! + 1);

/**
 * Whether the text lowered the character before each eaten tag by one code point, and a place that shows it (for the
 * reason): two or more such characters raised become a paragraph's end mark (`、/p>` → `。`), and none is one already
 * (`。/p>`: nothing was lowered).
 */
function decrementedBeforeTag(lines: readonly WorkLine[]): { lowered: string; original: string } | null {
  let shown: { lowered: string; original: string } | null = null;
  let evidence = 0;
  for (const line of lines) {
    for (const m of line.text.matchAll(EATEN_TAGS)) {
      const c = charBeforeTag(line.text, m.index);
      if (!c) continue;
      if (PARAGRAPH_END.has(c)) return null;
      if (PARAGRAPH_END.has(raised(c))) {
        evidence++;
        shown ??= { lowered: c, original: raised(c) };
      }
    }
  }
  return evidence >= 2 ? shown : null;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/u.test(c);

/** Whether the text just before a five-year plan's name opens a quote (`“`, `"`, or the entity `&ldquo;` / `?ldquo;`). */
const opensQuote = (before: string) => /(?:[“"]|ldquo;)$/u.test(before);

/** What the residue becomes and why, in Chinese and in English. `textBefore`: the line up to the residue. */
function repairOf(token: string, textBefore: string, after: string | undefined): { replacement: string; reason: string; reasonEn: string } {
  const before = textBefore.at(-1);
  const fiveYear = /^(十[一二三四五])\?rdquo;$/u.exec(token);
  if (fiveYear) {
    const name = `${fiveYear[1]}五`;
    const open = opensQuote(textBefore) ? '' : '“';
    return {
      replacement: `${open}${name}”`,
      reason: `网页抓取残留的HTML实体“?rdquo;”吞掉了前一个字符；“${fiveYear[1]}”后的右引号只能是五年规划简称“${name}”的一部分，已还原为“${open}${name}”${open ? '（补上缺失的左引号）' : ''}`,
      reasonEn: `An HTML entity “?rdquo;” left over from the scrape had eaten the character before it; a right quote after “${fiveYear[1]}” can only close the five-year plan’s short name “${name}”, restored as “${open}${name}”${open ? ' (with its missing left quote)' : ''}`,
    };
  }
  if (token === '二三五') {
    return {
      replacement: '二〇三五',
      reason: '原文“二三五年远景目标”缺“〇”，应是网页抓取时丢失；“二〇三五年远景目标”是国家规划远景目标的固定说法，已补为“二〇三五”',
      reasonEn: 'The source’s “二三五年远景目标” lacks its “〇”, lost in the scrape; “二〇三五年远景目标” (the long-range objectives through 2035) is the fixed name in national plans, completed as “二〇三五”',
    };
  }
  const numeric = numericChar(token);
  if (numeric) return { replacement: numeric, reason: `网页抓取残留的HTML字符引用“${token}”，已还原为“${numeric}”`, reasonEn: `An HTML character reference “${token}” left over from the scrape, restored as “${numeric}”` };
  if (/^#+\s+$/u.test(token)) return { replacement: '', reason: `网页转为文本时残留的Markdown标题标记“${token.trim()}”，已删除`, reasonEn: `A Markdown heading marker “${token.trim()}” left over from converting the page to text, removed` };
  if (/^\*\*$/u.test(token)) return { replacement: '', reason: '网页转为文本时残留的Markdown加粗标记“**”，已删除', reasonEn: 'A Markdown bold marker “**” left over from converting the page to text, removed' };
  const entity = /^([&?])([a-z]+);$/u.exec(token);
  if (!entity) return { replacement: '', reason: `网页抓取残留的HTML标记“${token}”，已删除`, reasonEn: `An HTML tag “${token}” left over from the scrape, removed` };
  const char = ENTITIES[entity[2]!]!;
  if (entity[1] === '?') {
    return {
      replacement: char,
      reason: `网页抓取残留的HTML实体“${token}”，已还原为“${char}”；实体前的一个字符在抓取中已丢失，无法恢复`,
      reasonEn: `An HTML entity “${token}” left over from the scrape, restored as “${char}”; the character before it was lost in the scrape and cannot be recovered`,
    };
  }
  if (entity[2] === 'nbsp') {
    // A space matters only between two Latin letters or digits (`R&nbsp;D`); in Chinese text it is removed.
    const keep = isWordChar(before) && isWordChar(after);
    return keep
      ? { replacement: ' ', reason: `网页抓取残留的HTML实体“${token}”（不换行空格），已还原为空格`, reasonEn: `An HTML entity “${token}” (a no-break space) left over from the scrape, restored as a space` }
      : { replacement: '', reason: `网页抓取残留的HTML实体“${token}”（不换行空格），已删除`, reasonEn: `An HTML entity “${token}” (a no-break space) left over from the scrape, removed` };
  }
  return { replacement: char, reason: `网页抓取残留的HTML实体“${token}”，已还原为“${char}”`, reasonEn: `An HTML entity “${token}” left over from the scrape, restored as “${char}”` };
}

/** Offset in the trimmed source line of offset `p` in the repaired text, given the repairs already made. */
function sourceColumn(p: number, repairs: LineRepair[]): number {
  let delta = 0;
  for (const r of [...repairs].sort((a, b) => a.start - b.start)) {
    if (p < r.start) break;
    if (p < r.end) return r.column;
    delta += r.original.length - (r.end - r.start);
  }
  return p + delta;
}

/** The repair of an eaten tag and the character before it, which the damage lowered by one code point. */
function raisedRepair(c: string, tag: string, shown: { lowered: string; original: string }) {
  const original = raised(c);
  return {
    replacement: original,
    reason: `网页抓取残留的HTML标记“${tag}”，已删除；抓取还把标记前的字符改成了编码小一的“${c}”（本文每个残留标记前的字符都是如此，如“${shown.original}”成了“${shown.lowered}”），已还原为“${original}”`,
    reasonEn: `An HTML tag “${tag}” left over from the scrape, removed; the scrape had also turned the character before it into the one a code point lower, “${c}” (as it did before every such tag in this text: “${shown.original}” became “${shown.lowered}”), restored as “${original}”`,
  };
}

/** The repair of a converter's pinyin after `char` (`null`: a character another repair holds, not shown with it). */
function converterRepair(token: string, char: string | null) {
  return {
    replacement: char ?? '',
    reason: `网页繁简转换时加注的拼音“${token}”，已删除`,
    reasonEn: `The pinyin “${token}” a web page’s script converter put after a character, removed`,
  };
}

/** Remove HTML residue from each line, recording every removal as a repair. Lines without residue are returned as they are. */
export function removeResidue(lines: WorkLine[]): WorkLine[] {
  const loweredBy = decrementedBeforeTag(lines);
  return lines.map((line) => {
    const residue = [...line.text.matchAll(RESIDUE)]
      .filter((m) => !m[0].startsWith('&#') || numericChar(m[0]) !== null)
      .map((m) => ({ index: m.index, token: m[0], converter: false }));
    const pinyin = findPinyinDamage(line.text).map((d) => ({ index: d.index, token: d.text, converter: true }));
    const hits = [...residue, ...pinyin]
      .sort((a, b) => a.index - b.index)
      // One reading of each place, and never inside a passage another repair already put there.
      .filter((m, i, all) => i === 0 || m.index >= all[i - 1]!.index + all[i - 1]!.token.length)
      .filter((m) => !line.repairs.some((r) => m.index < r.end && m.index + m.token.length > r.start));
    if (hits.length === 0) return line;
    let text = '';
    let from = 0;
    let shifted = line.repairs.map((r) => ({ ...r }));
    const added: LineRepair[] = [];
    for (const m of hits) {
      let { index: at, token } = m;
      // The character before is shown with the original (`發(fā)` → `發`, `庛/p>` → `府`) where no repair holds it.
      const before = at > from && !line.repairs.some((r) => at - 1 < r.end && at > r.start) ? line.text[at - 1]! : null;
      const lowered = loweredBy && before && EATEN_TAG.test(token) ? charBeforeTag(line.text, at) : null;
      const { replacement, reason, reasonEn } =
        m.converter
          ? converterRepair(token, before)
          : lowered
            ? raisedRepair(lowered, token, loweredBy!)
            : repairOf(token, line.text.slice(0, at), line.text[at + token.length]);
      if ((m.converter && before) || lowered) [at, token] = [at - 1, before + token];
      text += line.text.slice(from, at);
      added.push({ start: text.length, end: text.length + replacement.length, column: sourceColumn(at, line.repairs), original: token, replacement, reason, reasonEn, source: m.converter ? 'converter' : 'residue' });
      text += replacement;
      from = at + token.length;
      // Earlier repairs after this point move by the change in length.
      const change = replacement.length - token.length;
      shifted = shifted.map((r, i) => (line.repairs[i]!.start >= from ? { ...r, start: r.start + change, end: r.end + change } : r));
    }
    text += line.text.slice(from);
    const repairs = [...shifted, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...line, text, repairs };
  });
}
