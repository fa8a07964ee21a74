/**
 * The body of a plan as an mdast tree with MDX JSX elements: one handler per block kind and per mark kind. It is
 * defined once and used twice: the plan page renders it (src/lib/plan-body-html.ts) and the ingest writes
 * it out as the plan's MDX entry (scripts/pipeline/mdx.ts). The page does not compile the MDX files: each compiled
 * entry is a module Astro's bundler holds in memory (about 2 MB per plan, measured; issue 15), which a library of
 * 10,000 plans cannot afford, while the tree costs nothing to build.
 *
 * Elements: `Front`, `Title`, `Heading`, `Para`, `Box`, `Figure`, `Note`, `Repair`, `Cite`, `Value`, `Term`, `Dept` (drawn as
 * HTML by src/lib/plan-body-html.ts), and the table elements `table caption thead tbody tr th td`.
 */
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Block, Mark, PlanDocument, RichText, TableCell } from '../schemas/plan.ts';
import { frontKind } from './front-kind.ts';

const attr = (name: string, value: string | number): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value: String(value) });

type Attrs = Record<string, string | number | null | undefined>;

/** JSX attributes, leaving out the ones without a value. */
function attributes(attrs: Attrs): MdxJsxAttribute[] {
  return Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => attr(k, v!));
}

function textElement(name: string, attrs: Attrs, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

function flowElement(name: string, attrs: Attrs, children: RootContent[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children: children as MdxJsxFlowElement['children'] };
}

/** A one-line flow element: `<Para id="p1-1">text…</Para>`. MDX reads a line that opens and closes a tag as a
 *  block whose content is phrasing, so no `<p>` is wrapped around the text. */
function lineElement(name: string, attrs: Attrs, children: PhrasingContent[]): RootContent {
  return { type: 'paragraph', children: [textElement(name, attrs, children)] };
}

/** Inline component per mark kind. */
const MARK_HANDLERS: { [K in Mark['kind']]: (m: Extract<Mark, { kind: K }>, doc: PlanDocument) => { name: string; attrs: Record<string, string | null> } } = {
  repair: (m, doc) => {
    const r = doc.repairs.find((x) => x.id === m.repairId)!;
    return { name: 'Repair', attrs: { id: r.id, original: r.original, reason: r.reason, reasonEn: r.reasonEn } };
  },
  citation: (m, doc) => {
    const c = doc.citations.find((x) => x.id === m.citationId)!;
    return { name: 'Cite', attrs: { id: c.id, doc: c.documentKey } };
  },
  target: (m) => ({ name: 'Value', attrs: { id: m.targetId } }),
  term: (m) => ({ name: 'Term', attrs: { term: m.termId } }),
  department: (m) => ({ name: 'Dept', attrs: { dept: m.departmentId } }),
};

/** Marks the page renders as links. A link cannot contain a repair (whose marker is a link too). */
const LINK_KINDS = new Set<Mark['kind']>(['citation', 'target', 'term', 'department']);

/** The second and later pieces of a link mark cut around a repair: rendered without their id. */
const continued = new WeakSet<Mark>();

/** Cut every link mark around the repairs it overlaps, so that no link ever holds a repair. */
export function splitLinksAroundRepairs(marks: Mark[]): Mark[] {
  const repairs = marks.filter((m) => m.kind === 'repair').sort((a, b) => a.start - b.start);
  return marks.flatMap((m) => {
    if (!LINK_KINDS.has(m.kind)) return [m];
    const inside = repairs.filter((r) => r.start < m.end && r.end > m.start);
    if (inside.length === 0) return [m];
    const pieces: Mark[] = [];
    let at = m.start;
    for (const r of inside) {
      if (r.start > at) pieces.push({ ...m, start: at, end: r.start });
      at = Math.max(at, r.end);
    }
    if (at < m.end) pieces.push({ ...m, start: at, end: m.end });
    pieces.slice(1).forEach((p) => continued.add(p));
    if (pieces.length > 0 && pieces[0]!.start !== m.start) continued.add(pieces[0]!);
    return pieces;
  });
}

function markElement(mark: Mark, doc: PlanDocument, children: PhrasingContent[]): MdxJsxTextElement {
  const handler = MARK_HANDLERS[mark.kind] as (m: Mark, d: PlanDocument) => { name: string; attrs: Record<string, string | null> };
  if (!handler) throw new Error(`unknown mark kind ${JSON.stringify((mark as { kind: unknown }).kind)}`);
  const { name, attrs } = handler(mark, doc);
  return textElement(name, continued.has(mark) ? { ...attrs, continued: 'true' } : attrs, children);
}

/** Text with marks → nested phrasing. A mark that crosses the end of an enclosing mark is split in two. */
export function phrasing(rich: RichText, doc: PlanDocument): PhrasingContent[] {
  /** A piece of `m`: the first keeps `m`'s id unless `m` was itself a continuation; later pieces never do. */
  const piece = (m: Mark, range: { start?: number; end?: number }, later: boolean): Mark => {
    const p = { ...m, ...range };
    if (later || continued.has(m)) continued.add(p);
    return p;
  };
  const build = (start: number, end: number, marks: Mark[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let at = start;
    const queue = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
    while (queue.length > 0) {
      const m = queue.shift()!;
      if (m.start < at) {
        // Starts inside an earlier sibling: keep the part after it.
        if (m.end > at) queue.unshift(piece(m, { start: at }, true));
        queue.sort((a, b) => a.start - b.start || b.end - a.end);
        continue;
      }
      if (m.start > at) out.push({ type: 'text', value: rich.text.slice(at, m.start) });
      const inner: Mark[] = [];
      for (let i = queue.length - 1; i >= 0; i--) {
        const q = queue[i]!;
        if (q.start >= m.end) continue;
        queue.splice(i, 1);
        if (q.end <= m.end) inner.push(q);
        else {
          inner.push(piece(q, { end: m.end }, false));
          queue.push(piece(q, { start: m.end }, true));
        }
      }
      queue.sort((a, b) => a.start - b.start || b.end - a.end);
      out.push(markElement(m, doc, m.start === m.end ? [] : build(m.start, m.end, inner)));
      at = m.end;
    }
    if (at < end) out.push({ type: 'text', value: rich.text.slice(at, end) });
    return out;
  };
  return build(0, rich.text.length, splitLinksAroundRepairs(rich.marks.filter((m) => m.start >= 0 && m.end <= rich.text.length && m.start <= m.end)));
}

function cellElement(tag: 'th' | 'td', cell: TableCell, doc: PlanDocument, scope: string | null): RootContent {
  const children = phrasing(cell, doc);
  if (cell.note) children.push(textElement('Note', { inline: 'true', textEn: cell.noteEn }, [{ type: 'text', value: cell.note }]));
  return lineElement(tag, { scope }, children);
}

const depths = new WeakMap<PlanDocument, Map<string, number>>();
/**
 * Each heading's depth in the outline (1 for a top heading), which ranks it on the page: a text that numbers `1.`
 * right under `一、`, leaving out `（一）` (its marker's level 3 under 1), gets `<h3>` under `<h2>`, not `<h4>` — no
 * rank skipped, as GB/T 9704 sets its layers (黑体, 楷体, 仿宋) by layer, not by marker.
 */
function headingDepths(doc: PlanDocument): Map<string, number> {
  let map = depths.get(doc);
  if (!map) {
    const found = new Map<string, number>();
    const walk = (nodes: PlanDocument['outline'], depth: number) => nodes.forEach((n) => (found.set(n.id, depth), walk(n.children, depth + 1)));
    walk(doc.outline, 1);
    depths.set(doc, (map = found));
  }
  return map;
}

/** One handler per block kind. */
const BLOCK_HANDLERS: { [K in Block['kind']]: (b: Extract<Block, { kind: K }>, doc: PlanDocument) => RootContent } = {
  title: (b, doc) => lineElement('Title', { id: b.id, role: b.role }, phrasing(b, doc)),
  heading: (b, doc) => lineElement('Heading', { id: b.id, level: headingDepths(doc).get(b.id) ?? b.level }, phrasing(b, doc)),
  paragraph: (b, doc) => lineElement('Para', { id: b.id, role: b.role === 'body' ? null : b.role }, phrasing(b, doc)),
  table: (b, doc) =>
    // A captioned table's scrolling frame is named by its caption, so that two tables on a page have two names.
    flowElement('Figure', { id: b.id, caption: b.caption ? `${b.id}-caption` : null }, [
      flowElement('table', {}, [
        ...(b.caption ? [lineElement('caption', { id: `${b.id}-caption` }, phrasing(b.caption, doc))] : []),
        flowElement('thead', {}, b.head.map((row) => flowElement('tr', {}, row.map((c) => cellElement('th', c, doc, 'col'))))),
        flowElement(
          'tbody',
          {},
          b.rows.map((row) => flowElement('tr', {}, row.map((c, i) => (i === b.rowHeader ? cellElement('th', c, doc, 'row') : cellElement('td', c, doc, null))))),
        ),
      ]),
      ...b.notes.map((n, i) => lineElement('Note', { textEn: b.notesEn[i] }, [{ type: 'text', value: n }])),
    ]),
};

const boxOf = (b: Block): string | undefined => (b.kind === 'paragraph' || b.kind === 'table' ? b.box : undefined);

export function blockToMdast(block: Block, doc: PlanDocument): RootContent {
  const handler = BLOCK_HANDLERS[block.kind] as (b: Block, d: PlanDocument) => RootContent;
  if (!handler) throw new Error(`unknown block kind ${JSON.stringify((block as { kind: unknown }).kind)}`);
  return handler(block, doc);
}

/** The body of a plan: the covering notice (if the text opens with one) in `Front`, then the other blocks. */
export function bodyTree(doc: PlanDocument): Root {
  // The covering notice is the run of front blocks the text opens with; a notice printed after a headline stays
  // where it is, so that the page keeps the source's reading order.
  const firstOther = doc.blocks.findIndex((b) => b.part !== 'front');
  const front = firstOther === -1 ? doc.blocks : doc.blocks.slice(0, firstOther);
  const rest = doc.blocks.slice(front.length);
  const children: RootContent[] = [];
  // `kind`: an announcement (公告, 通告) rather than a covering notice (the default, left out).
  const kind = frontKind(doc);
  if (front.length > 0) children.push(flowElement('Front', { kind: kind === 'notice' ? null : kind }, front.map((b) => blockToMdast(b, doc))));
  // A box (专栏): its caption and the blocks in it, in `Box` (`caption`: the caption paragraph's id).
  for (let i = 0; i < rest.length; ) {
    const box = boxOf(rest[i]!);
    let end = i + 1;
    if (box !== undefined) while (end < rest.length && boxOf(rest[end]!) === box) end++;
    const blocks = rest.slice(i, end).map((b) => blockToMdast(b, doc));
    children.push(...(box === undefined ? blocks : [flowElement('Box', { caption: box }, blocks)]));
    i = end;
  }
  return { type: 'root', children };
}
