/**
 * The benchmark found `relatedSections` (src/lib/crosslinks/related-sections.ts) recomputed for every plan page in
 * O(sections²), which made the build cubic in the number of plans; it now indexes sections by theme, and the plan
 * pages compute it once per build (in `getStaticPaths`). This checks the result is the same as the plain
 * definition's, on random plans.
 */
import { describe, expect, it } from 'vitest';
import { relatedSections } from '../../src/lib/crosslinks/index.ts';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import type { Theme } from '../../src/schemas/themes.ts';
import { createRandom } from '../lib/random.ts';

const THEMES = ['talent', 'finance', 'green', 'ip', 'research'];
const themes = THEMES.map((id) => ({ id, name: `主题${id}` })) as unknown as Theme[];

function plans(count: number, seed: number): PlanDocument[] {
  const rnd = createRandom(seed);
  return Array.from({ length: count }, (_, p) => {
    const sections = Array.from({ length: rnd.int(0, 6) }, (_, s) => ({
      sectionId: `s${s + 1}`,
      themeIds: Array.from({ length: rnd.int(0, 3) }, () => rnd.pick(THEMES)),
    }));
    return {
      slug: `plan-${p}`,
      meta: { title: { value: `规划${p}` } },
      blocks: sections.map((s) => ({ kind: 'heading', id: s.sectionId, level: 1, number: '一、', title: `标题${s.sectionId}` })),
      sectionThemes: sections,
    } as unknown as PlanDocument;
  });
}

/** The definition, as it was written before the benchmark: every candidate against every other. */
function reference(docs: PlanDocument[], limit: number) {
  const candidates = docs.flatMap((doc) =>
    doc.sectionThemes.map((s) => ({ doc, sectionId: s.sectionId, themeIds: s.themeIds, title: `一、标题${s.sectionId}` })),
  );
  const out = new Map<string, unknown[]>();
  for (const c of candidates) {
    const theme = c.themeIds[0];
    if (!theme) continue;
    const matches = candidates.filter((o) => o.doc.slug !== c.doc.slug && o.themeIds.includes(theme)).sort((a, b) => a.themeIds.indexOf(theme) - b.themeIds.indexOf(theme));
    const perPlan = new Map<string, (typeof matches)[number]>();
    for (const m of matches) if (!perPlan.has(m.doc.slug)) perPlan.set(m.doc.slug, m);
    out.set(
      `${c.doc.slug}#${c.sectionId}`,
      [...perPlan.values()].slice(0, limit).map((m) => ({ slug: m.doc.slug, planTitle: m.doc.meta.title?.value ?? m.doc.slug, sectionId: m.sectionId, title: m.title, themeId: theme, themeName: `主题${theme}` })),
    );
  }
  return out;
}

describe('relatedSections', () => {
  it('matches the plain definition on random plans, for several limits', () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const limit of [0, 1, 4, 50]) {
        const docs = plans(25, seed);
        // Non-empty guard: two empty results would agree on nothing.
        expect(reference(docs, limit).size).toBeGreaterThan(0);
        expect([...relatedSections(docs, themes, limit)]).toEqual([...reference(docs, limit)]);
      }
    }
  });
});
