/**
 * Glossary marks: the first mention of each glossary term in each section gets a `term` mark, which the page
 * links to the glossary. Marking every mention would bury the text in links; marking only the first in the
 * whole plan would leave a reader who jumps to a section (from the table of contents or a search) without one.
 *
 * **Section** (for this stage): a level-1 (`一、`) or level-2 (`（一）`) heading and everything up to the next
 * level-1 or level-2 heading. Level-3/4 headings do not start a section: a `1.` task is too short for its own
 * first mention. The text before the first such heading (notice, title, preamble) is one section, and so is a
 * text with no headings at all (001).
 *
 * **What is marked**: paragraphs and table cells (head and body). Headings, titles and table captions are not:
 * a link inside a heading competes with the heading's own anchor and the table of contents.
 *
 * **Matching**: leftmost-longest over the forms of all terms (`国家高新技术企业` before `高新技术企业`; `高新技术企业`
 * is never split to mark a shorter term inside it), exact after folding full-width ASCII (`（`→`(`, `：`→`:`).
 * A match never overlaps an existing mark of any kind: not inside a cited title 《…》 or a repaired passage
 * (the reader would see a link on words the source did not write that way), nor crossing a department or
 * target mark (inline components cannot cross). A blocked occurrence is not a mention: the next one is marked.
 */
import type { Block, RichText, TableBlock } from '../../src/schemas/plan.ts';
import type { BlockMark, CellRef } from './marks.ts';
import { GlossarySchema, type Term } from '../../src/schemas/glossary.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { foldWidth } from '../../src/lib/width.ts';
import { exclusionsOf, isExcluded, type Exclusion } from '../../src/lib/not-in.ts';

/** Read and validate `content/glossary.yaml`. */
export function parseGlossary(yamlText: string, file: string): Term[] {
  return parseYamlWithFriendlyErrors(GlossarySchema, yamlText, file);
}

/** A form to look for, the id it stands for, and longer words in which it does not count. */
export interface Form {
  form: string;
  id: string;
  notIn: readonly string[];
}

/** A match of a form: the id and the span in the text. */
export interface FormMatch {
  id: string;
  start: number;
  end: number;
}

/** The one width rule (src/lib/width.ts): one UTF-16 unit for one, so offsets are unchanged. */
export { foldWidth };

function occurrences(text: string, word: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) at.push(i);
  return at;
}

const foldedForms = new WeakMap<Form, { word: string; exclusions: Exclusion[] }>();

/** A form width-folded, with its exclusions: once per form, not once per text it is looked for in. */
function foldedForm(f: Form): { word: string; exclusions: Exclusion[] } {
  let folded = foldedForms.get(f);
  if (!folded) {
    const word = foldWidth(f.form);
    folded = { word, exclusions: exclusionsOf(word, f.notIn.map(foldWidth)) };
    foldedForms.set(f, folded);
  }
  return folded;
}

/**
 * Leftmost-longest, non-overlapping matches of `forms` in `text`, in text order. Matches inside one of the
 * form's `notIn` words and matches overlapping a `blocked` span are dropped before choosing, so that a shorter
 * form may still match where a longer one was blocked.
 */
export function findForms(text: string, forms: readonly Form[], blocked: readonly { start: number; end: number }[] = []): FormMatch[] {
  const folded = foldWidth(text);
  const candidates: FormMatch[] = [];
  for (const f of forms) {
    const { word, exclusions } = foldedForm(f);
    if (!word) continue;
    for (const start of occurrences(folded, word)) {
      const end = start + word.length;
      if (isExcluded(folded, start, exclusions)) continue;
      if (blocked.some((b) => b.start < end && start < b.end)) continue;
      candidates.push({ id: f.id, start, end });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: FormMatch[] = [];
  let reach = 0;
  for (const c of candidates) {
    if (c.start < reach) continue;
    chosen.push(c);
    reach = c.end;
  }
  return chosen;
}

/** Every form of every term (term and aliases). */
export function glossaryForms(glossary: readonly Term[]): Form[] {
  return glossary.flatMap((t) => [t.term, ...t.aliases].map((form) => ({ form, id: t.id, notIn: t.notIn })));
}




/**
 * Section id of each block, as defined above: the id of the nearest level-1 or level-2 heading at or above
 * the block, `null` for blocks before the first one.
 */
export function termSectionIds(blocks: readonly Block[]): (string | null)[] {
  let section: string | null = null;
  return blocks.map((b) => {
    if (b.kind === 'heading' && b.level <= 2) section = b.id;
    return section;
  });
}

/** The texts of a block that get term marks, in reading order (table head rows, then body rows). */
function markableTexts(block: Block): { rich: RichText; cell?: CellRef }[] {
  if (block.kind === 'paragraph') return [{ rich: block }];
  if (block.kind !== 'table') return [];
  const cells = (t: TableBlock, part: CellRef['part']) => t[part].flatMap((row, r) => row.map((rich, c) => ({ rich, cell: { part, row: r, col: c } })));
  return [...cells(block, 'head'), ...cells(block, 'rows')];
}

/**
 * `term` marks for the first mention of each glossary term in each section (see the module comment), in
 * reading order. The blocks are not changed: add each mark to `richTextAt(block, cell)`.
 */
export function markTerms(blocks: Block[], glossary: Term[]): BlockMark[] {
  const forms = glossaryForms(glossary);
  const sections = termSectionIds(blocks);
  const out: BlockMark[] = [];
  let seen = new Set<string>();
  let current: string | null | undefined;
  blocks.forEach((block, i) => {
    if (sections[i] !== current) {
      current = sections[i];
      seen = new Set();
    }
    for (const { rich, cell } of markableTexts(block)) {
      for (const m of findForms(rich.text, forms, rich.marks)) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        out.push({ blockId: block.id, mark: { kind: 'term', start: m.start, end: m.end, termId: m.id }, ...(cell ? { cell } : {}) });
      }
    }
  });
  return out;
}
