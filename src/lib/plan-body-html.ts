/**
 * The body tree of a plan (src/lib/plan-body.ts) as HTML: what the plan page shows of the text. One function per
 * element of the generated MDX (`Front`, `Title`, `Heading`, `Para`, `Box`, `Figure`, `Note`, `Repair`, `Cite`, `Value`,
 * `Term`, `Dept`, the table elements), with the marks' links and readings resolved once per page (`planMarks`).
 *
 * Why a function and not a component per element: a plan's text is some 1,000 elements, and an Astro component per
 * element was most of the cost of rendering the dearest page of the site (at 3,000 plans, a plan page took 13 ms,
 * twice for its two editions). Escaping follows Astro's own (src/lib/html.ts), so the page is the same byte for byte
 * as when the components drew it.
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { RootContent } from 'mdast';
import type { PlanMarks } from './plan-marks.ts';
import { localPlanUrl, localUrl, ui, type Locale } from './i18n/index.ts';
import { endnotePlaceholder } from './endnotes.ts';
import { attr, escapeText, wordsHtml } from './html.ts';
import { textWidth } from './charts/layout.ts';
import { chineseRuns } from './i18n/english.ts';
import { FRONT_LABELS, type FrontKind } from './front-kind.ts';

/** What the HTML depends on besides the tree. */
export interface BodyHtmlContext {
  /** The marks' links and readings; none: the marks are drawn as plain text (as the components did). */
  marks: PlanMarks | undefined;
  /** The reader's edition: departments and other plans' sections are linked in it. */
  locale: Locale;
  /** The site's address: the printed endnotes name each link absolute. */
  site: URL | undefined;
  /** English themes' names by theme id, for the English edition's links to other plans' sections. */
  themeNamesEn?: ReadonlyMap<string, string>;
}

/**
 * The words the text carries besides its own (section and paragraph links, other plans' sections), in the reader's
 * edition. On the English one the text is Chinese (its block is marked `lang="zh-CN"`): an English word stands in an
 * element marked `lang="en"`, the Chinese inside it marked back.
 */
const words = (ctx: BodyHtmlContext) => ui(ctx.locale).planText;
const uiLang = (ctx: BodyHtmlContext) => (ctx.locale === 'en' ? ' lang="en"' : '');
const quoted = (ctx: BodyHtmlContext, html: string) => (ctx.locale === 'en' ? `<span lang="zh-CN">${html}</span>` : html);
/** A labelled region of the text (the notice, a table): on the English edition the region is marked English, for its
 *  label to be read as English, and its content Chinese again. */
const region = (ctx: BodyHtmlContext, children: string) => (ctx.locale === 'en' ? { lang: ' lang="en"', content: `<div lang="zh-CN">${children}</div>` } : { lang: '', content: children });

type Element = MdxJsxFlowElement | MdxJsxTextElement;
type Props = Record<string, string | undefined>;
type Render = (props: Props, children: string, ctx: BodyHtmlContext) => string;

const ELEMENTS: Record<string, Render> = {
  // The covering notice (or announcement, `kind`) that precedes the plan.
  Front: ({ kind }, children, ctx) => {
    const r = region(ctx, children);
    const label = FRONT_LABELS[(kind as FrontKind | undefined) ?? 'notice'];
    return `<section class="front"${attr('aria-label', ctx.locale === 'en' ? label.en : label.zh)}${r.lang}>${r.content}</section>`;
  },
  // The covering notice's title (a heading of the notice) or the plan's own title.
  Title: ({ id, role }, children) => (role === 'notice' ? `<h2${attr('id', id)} class="notice-title">${children}</h2>` : `<p${attr('id', id)} class="doc-title">${children}</p>`),
  // A numbered heading; `level` is its depth in the outline (src/lib/plan-body.ts), 1 an `h2`, the page title being the
  // `h1`. After a level-1 or level-2 heading, links to the sections of other plans on the same theme.
  Heading: ({ id, level }, children, ctx) => {
    const tag = `h${Math.min(6, Number(level) + 1)}`;
    const w = words(ctx);
    const heading = `<${tag}${attr('id', id)}>${children}<a class="self-link"${attr('href', `#${id}`)} data-ui${attr('aria-label', w.sectionLink)}${uiLang(ctx)}>#</a></${tag}>`;
    const related = ctx.marks?.related.get(id!) ?? [];
    if (related.length === 0) return heading;
    const links = related
      .map((r, i) => `${i > 0 ? w.relatedSeparator : ''}<a${attr('href', localPlanUrl(ctx.locale, r.slug, r.sectionId))}>${quoted(ctx, `${escapeText(r.planTitle.replace(/（.*$|\(.*$/u, ''))} · ${escapeText(r.title)}`)}</a>`)
      .join('');
    const theme = related[0]!;
    const themeEn = ctx.locale === 'en' ? ctx.themeNamesEn?.get(theme.themeId) : undefined;
    const themeName = themeEn !== undefined ? escapeText(themeEn) : quoted(ctx, escapeText(theme.themeName));
    return `${heading}<p class="related" data-ui${uiLang(ctx)}><span class="related-label">${w.relatedBefore}${themeName}${w.relatedAfter}</span>${links}</p>`;
  },
  // A paragraph with a stable anchor; `role` marks notice parts laid out differently, `reused` text other plans print too.
  // A box's caption (`box-title`) is the caption of its figure.
  Para: ({ id, role }, children, ctx) => {
    if (role === 'box-title') return `<figcaption${attr('id', id)} class="box-title">${children}<a class="self-link"${attr('href', `#${id}`)} data-ui${attr('aria-label', words(ctx).boxLink)}${uiLang(ctx)}>#</a></figcaption>`;
    const classes = [role, ctx.marks?.reused.has(id!) ? 'reused' : undefined].filter(Boolean).join(' ');
    return `<p${attr('id', id)}${classes ? ` class="${classes}"` : ''}>${children}<a class="self-link"${attr('href', `#${id}`)} data-ui${attr('aria-label', words(ctx).paragraphLink)}${uiLang(ctx)}>¶</a></p>`;
  },
  // A box (专栏): what the plan sets apart in a frame beside a section's text, named by its caption.
  Box: ({ caption }, children) => `<figure class="box"${attr('aria-labelledby', caption)}>${children}</figure>`,
  // A table from the text, scrollable on narrow screens and kept whole in print. Its frame is a landmark, named by the
  // table's caption, or without one by its number among the plan's tables (`t2` → 表格2), never one name for two.
  Figure: ({ id, caption }, children, ctx) => {
    const r = region(ctx, children);
    const name = caption ? attr('aria-labelledby', caption) : attr('aria-label', words(ctx).table(/^t(\d+)/u.exec(id ?? '')?.[1] ?? ''));
    return `<figure${attr('id', id)} class="table-figure"><section class="table-scroll" tabindex="0"${name}${r.lang}>${r.content}</section></figure>`;
  },
  // An editorial note: shown, but not part of the source text. In English on English pages (`textEn`), the source's
  // Chinese quoted in it marked.
  Note: ({ inline, textEn }, children, ctx) => {
    if (ctx.locale === 'en' && textEn) {
      const note = wordsHtml(chineseRuns(textEn));
      return inline ? `<span class="ed-note" data-ui lang="en">[${note}]</span>` : `<p class="ed-note" data-ui lang="en">${words(ctx).editorsNote}${note}</p>`;
    }
    return inline ? `<span class="ed-note" data-ui>〔${children}〕</span>` : `<p class="ed-note" data-ui>${words(ctx).editorsNote}${children}</p>`;
  },
  // A repaired passage: the marker links to the 校勘记 entry and shows the original and the reason. On English pages
  // the note is the link's name, in English with the source's Chinese marked (an aria-label could not mark it), and
  // the mark a symbol.
  Repair: ({ id, original, reason, reasonEn }, children, ctx) => {
    const w = words(ctx);
    const ref = `<a class="repair-ref"${attr('href', `#note-${id}`)}`;
    if (ctx.locale !== 'en') {
      const note = w.repairNote(original ?? '', reason ?? '');
      return `<span class="repair"${attr('id', id)}>${children}${ref}${attr('aria-label', `${w.repairLabel}${note}`)} data-ui><sup>${w.repairMark}</sup><span class="repair-note" aria-hidden="true">${escapeText(note)}</span></a></span>`;
    }
    const note = `${w.repairLabel}${w.repairNote(original ?? '', reasonEn ?? '')}`;
    return `<span class="repair"${attr('id', id)}>${children}${ref} data-ui lang="en"><sup aria-hidden="true">${w.repairMark}</sup><span class="repair-note">${wordsHtml(chineseRuns(note))}</span></a></span>`;
  },
  // A document cited in 《》: a link to the cited document's page.
  Cite: ({ id, continued }, children, ctx) => {
    const link = ctx.marks?.cites.get(id!);
    const own = attr('id', continued ? undefined : id);
    if (!link) return `<cite${own}>${children}</cite>`;
    return `<cite${own}><a class="cited"${attr('href', link.href)}>${children}</a>${endnotePlaceholder(link.href, link.noteLabel, continued, ctx.site)}</cite>`;
  },
  // A quantitative value: links to its indicator (or its row in the targets table), with its normalised reading.
  Value: ({ id, continued }, children, ctx) => {
    const mark = ctx.marks?.values.get(id!);
    if (!mark) return children;
    const note = ctx.locale === 'en' && mark.readingEn ? `<span class="value-note" data-ui lang="en">[${wordsHtml(mark.readingEn)}]</span>` : `<span class="value-note" data-ui>〔${escapeText(mark.reading)}〕</span>`;
    return `<a class="value"${attr('href', mark.href)}>${children}${continued ? '' : note}</a>`;
  },
  // First mention of a glossary term in a section: a link to its entry (for its region, where that differs).
  Term: ({ term, continued }, children, ctx) => {
    const link = ctx.marks?.terms.get(term!);
    if (!link) return children;
    return `<a class="term"${attr('href', link.href)}>${children}</a>${endnotePlaceholder(link.href, link.noteLabel, continued, ctx.site)}`;
  },
  // A department named in a responsibility clause: a link to its page, in the reader's edition.
  // A department: linked where it is shown (its page, or its region's list of departments without one).
  Dept: ({ dept }, children, ctx) => `<a class="dept"${attr('href', ctx.marks?.departments.get(dept!) ?? localUrl(ctx.locale, `departments/${dept}/`))}>${children}</a>`,
};

const TABLE_ELEMENTS = new Set(['table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td']);

/** Widest text, in ems, of a cell that never wraps (`class="short"`): 预期性, 2025年, 2.1以上, 序号, 1430 (a four-character
 * word such as 创新实力 may wrap: kept whole, such cells took the names' column down to five characters on a phone). */
export const SHORT_CELL_EMS = 3.75;

/**
 * Whether a table cell is short enough to keep on one line: its text at most SHORT_CELL_EMS wide, as the charts
 * estimate text (`textWidth`: a CJK or full-width character one em, a digit or letter 0.62, `.` 0.35). Why: on a
 * phone a table's columns are squeezed down to one character, so 预期性 and 2.1以上 broke a character a line while the
 * names' column stayed narrow; a short cell that keeps its width leaves the rest to the long ones (plan.css). A cell
 * with an editorial note is never short.
 */
export function isShortCell(text: string): boolean {
  const ems = textWidth(text.trim(), 1);
  return ems > 0 && ems <= SHORT_CELL_EMS;
}

/** The source text of a cell's children: text and marks, `null` when it holds an editorial note. */
function cellText(nodes: readonly RootContent[]): string | null {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Note') return null;
    else if ('children' in node) {
      const inner = cellText(node.children as RootContent[]);
      if (inner === null) return null;
      out += inner;
    }
  }
  return out;
}

function element(node: Element, ctx: BodyHtmlContext): string {
  const name = node.name ?? '';
  const attributes = node.attributes.flatMap((a) => ('name' in a && typeof a.value === 'string' ? [[a.name, a.value] as const] : []));
  const children = nodesHtml(node.children as RootContent[], ctx);
  const render = ELEMENTS[name];
  if (render) return render(Object.fromEntries(attributes), children, ctx);
  if (TABLE_ELEMENTS.has(name)) {
    const text = name === 'th' || name === 'td' ? cellText(node.children as RootContent[]) : null;
    const short = text !== null && isShortCell(text) ? ' class="short"' : '';
    return `<${name}${attributes.map(([k, v]) => attr(k, v)).join('')}${short}>${children}</${name}>`;
  }
  throw new Error(`plan body: no element <${name}> (src/lib/plan-body-html.ts)`);
}

/** Nodes of the tree as HTML: text; a paragraph that only wraps one element (MDX unwraps it too); elements. */
export function nodesHtml(nodes: readonly RootContent[], ctx: BodyHtmlContext): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(node.value);
    else if (node.type === 'paragraph') out += nodesHtml(node.children, ctx);
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') out += element(node, ctx);
    else throw new Error(`plan body: unexpected node ${node.type}`);
  }
  return out;
}
