/**
 * Stage 7: `PlanDocument` → MDX entry: the frontmatter, and the body tree of src/lib/plan-body.ts serialised with
 * `mdast-util-to-markdown` + the MDX extension, which escape `{ } < * _ …` (MDX without GFM: astro.config.mjs).
 * Never concatenates source text into markup. The entry is the plan's portable, reviewable form (the readback test
 * checks it loses nothing); the site renders the same tree directly.
 */
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { PlanDocument, PlanFrontmatter } from '../../src/schemas/plan.ts';
import { bodyTree } from '../../src/lib/plan-body.ts';

/** The frontmatter: the metadata values a listing needs, without provenance (that lives in the JSON). */
export function frontmatterOf(doc: PlanDocument): PlanFrontmatter {
  const m = doc.meta;
  return {
    slug: doc.slug,
    title: m.title?.value ?? null,
    noticeTitle: m.noticeTitle?.value ?? null,
    issuer: m.issuer?.value ?? null,
    docNumber: m.docNumber?.value ?? null,
    dateWritten: m.dateWritten?.value ?? null,
    datePublished: m.datePublished?.value ?? null,
    period: m.period?.value ?? null,
    region: m.region?.value.id ?? null,
    kind: m.kind.value,
    sourceFile: doc.source.file,
  };
}

/** The MDX entry of a plan: frontmatter and the body (the tree the plan page renders, src/lib/plan-body.ts). */
export function renderMdx(doc: PlanDocument): string {
  const body = toMarkdown(bodyTree(doc), { extensions: [mdxToMarkdown()] });
  return `---\n${stringify(frontmatterOf(doc), { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${body}`;
}
