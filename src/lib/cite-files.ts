/**
 * The citation files beside each plan page (`/plans/<slug>/cite.ris`, `cite.bib`, `cite.json`), written at build
 * time from the same record as the page's meta tags (src/lib/cite-formats.ts), so that they work without JavaScript.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import type { PlanDocument } from '../schemas/plan.ts';
import { allPlans, kinds, summarize } from './data.ts';
import { citationRecord, type CitationRecord } from './cite-formats.ts';
import { planUrl } from './url.ts';

/** One path per plan, with what its record needs. */
export const citeFilePaths: GetStaticPaths = async () => {
  const [plans, allKinds] = await Promise.all([allPlans(), kinds()]);
  return plans.map((doc) => ({ params: { slug: doc.slug }, props: { doc, kindLabel: summarize(doc, allKinds).kindLabel } }));
};

/** The citation record of the plan a citation file is for. */
export function recordFor({ props, site }: APIContext): CitationRecord {
  const { doc, kindLabel } = props as { doc: PlanDocument; kindLabel: string };
  return citationRecord(doc, kindLabel, new URL(planUrl(doc.slug), site).href);
}

/** The citation files: file name, format name as the page shows it, content type. */
export const CITE_FILES = [
  { file: 'cite.ris', label: 'RIS', type: 'application/x-research-info-systems' },
  { file: 'cite.bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  { file: 'cite.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
] as const;
