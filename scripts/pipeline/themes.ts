/**
 * Section themes: which curated themes (`content/themes.yaml`) each level-1 and level-2 section is about.
 *
 * **Section** (for this stage): a level-2 heading runs to the next level-1 or level-2 heading; a level-1 heading
 * runs to the next level-1 heading, so it includes its level-2 sections (its themes summarise them). Level-3/4
 * headings are too short to label. Text is the heading title plus every paragraph, sub-heading and table cell
 * of the section.
 *
 * **Selection.** Keywords are counted in the heading title and in the rest of the section, matched
 * leftmost-longest across all themes (`findForms`), so one phrase counts for one theme.
 * - A theme with a keyword in the heading title is kept and ranked first: the title is the author's own
 *   statement of what the section is about (`（五）加大创新人才引育力度` is about talent, `突破产业关键核心技术`
 *   about key technologies, however many industries its body then lists).
 * - A theme found only in the body is kept when it has at least `MIN_BODY_HITS` hits and at least
 *   `RELATIVE_BODY_HITS` of the section's largest body count (see the constants for why these values).
 * - Best first: title hits, then body hits, then registry order; at most `MAX_THEMES`.
 */
import type { Block, SectionThemes } from '../../src/schemas/plan.ts';
import { ThemesSchema, type Theme } from '../../src/schemas/themes.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { findForms, type Form } from './terms.ts';

/** Read and validate `content/themes.yaml`. */
export function parseThemes(yamlText: string, file: string): Theme[] {
  return parseYamlWithFriendlyErrors(ThemesSchema, yamlText, file);
}

/**
 * Least body hits for a theme not named in the title. 3: one or two passing mentions (人才 once in a
 * finance paragraph) are not what a section is about; three are, even in a short `（二）加强政策保障`.
 */
export const MIN_BODY_HITS = 3;
/**
 * Least body hits relative to the section's largest body count. 0.3: in a long section every theme
 * collects a few hits (004's 11,000-character `三、` has ten themes with 10+); under a third of the
 * leading theme's count is incidental there. Measured on the five seeds: 0.2 adds passing themes (talent to
 * 000's `强化企业创新主体作用` for three mentions; tech transfer and platforms to 003's `六大产业` section);
 * 0.5 drops real second themes (platforms from 003's `一区四园` section, whose body is about service platforms;
 * regional cooperation from 000's `提升科技成果转化效能`, which is about taking in Beijing's results).
 */
export const RELATIVE_BODY_HITS = 0.3;
/** At most this many themes per section: a longer label row says nothing. */
export const MAX_THEMES = 4;

/** Keyword hits of each theme in a section: in the title and in the rest. */
export interface ThemeHits {
  themeId: string;
  title: number;
  body: number;
}

/** The text of a section except its heading title, for scoring. */
function bodyTexts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
    case 'title':
      return [block.text];
    case 'table':
      return [...(block.caption ? [block.caption.text] : []), ...block.head.flat().map((c) => c.text), ...block.rows.flat().map((c) => c.text)];
  }
}

const formsOfThemes = new WeakMap<readonly Theme[], Form[]>();

/** The registry's keywords as forms, once per registry (findForms folds each form once). */
function keywordForms(themes: readonly Theme[]): Form[] {
  let forms = formsOfThemes.get(themes);
  if (!forms) formsOfThemes.set(themes, (forms = themes.flatMap((t) => t.keywords.map((form) => ({ form, id: t.id, notIn: [] })))));
  return forms;
}

function count(texts: readonly string[], forms: readonly Form[]): Map<string, number> {
  const hits = new Map<string, number>();
  for (const text of texts) for (const m of findForms(text, forms)) hits.set(m.id, (hits.get(m.id) ?? 0) + 1);
  return hits;
}

/** Hits of every theme with at least one hit in a section, best first: title hits, then body hits, then registry order. */
export function scoreSection(title: string, body: readonly string[], themes: readonly Theme[]): ThemeHits[] {
  const forms = keywordForms(themes);
  const inTitle = count([title], forms);
  const inBody = count(body, forms);
  return themes
    .map((t) => {
      const title = inTitle.get(t.id) ?? 0;
      const body = inBody.get(t.id) ?? 0;
      return { themeId: t.id, title, body };
    })
    .filter((h) => h.title + h.body > 0)
    .sort((a, b) => b.title - a.title || b.body - a.body);
}

/** The themes kept from ranked hits (see the module comment): theme ids, best first. */
export function selectThemes(hits: readonly ThemeHits[]): string[] {
  const most = Math.max(0, ...hits.map((h) => h.body));
  return hits
    .filter((h) => h.title > 0 || (h.body >= MIN_BODY_HITS && h.body >= RELATIVE_BODY_HITS * most))
    .slice(0, MAX_THEMES)
    .map((h) => h.themeId);
}

/** Each level-1 and level-2 heading with the blocks of its section (see the module comment). */
export function themeSections(blocks: readonly Block[]): { heading: Extract<Block, { kind: 'heading' }>; body: Block[] }[] {
  const sections: { heading: Extract<Block, { kind: 'heading' }>; body: Block[] }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'heading' || b.level > 2) return;
    const body: Block[] = [];
    for (const next of blocks.slice(i + 1)) {
      if (next.kind === 'heading' && next.level <= b.level) break;
      body.push(next);
    }
    sections.push({ heading: b, body });
  });
  return sections;
}

/**
 * Themes of every level-1 and level-2 section, in document order. Every such section gets an entry, with
 * an empty `themeIds` when no theme is clear (a preamble-like `（一）指导思想` often has none).
 */
export function assignThemes(blocks: Block[], themes: Theme[]): SectionThemes[] {
  return themeSections(blocks).map(({ heading, body }) => ({
    sectionId: heading.id,
    themeIds: selectThemes(scoreSection(heading.title, body.flatMap(bodyTexts), themes)),
  }));
}
