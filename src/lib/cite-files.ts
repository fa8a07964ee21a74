/**
 * The citation files beside each plan page (`/plans/<slug>/cite.ris`, `cite.bib`, `cite.json`), written at build
 * time (src/lib/site-files.ts) from the same record as the page's meta tags (src/lib/cite-formats.ts), so that they
 * work without JavaScript.
 */
import { toBibtex, toCslJson, toRis, type CitationRecord } from './cite-formats.ts';

/** The citation files: file name, format name as the page shows it, content type, and the file's text. */
export const CITE_FILES = [
  { file: 'cite.ris', label: 'RIS', type: 'application/x-research-info-systems', render: toRis },
  { file: 'cite.bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', render: toBibtex },
  { file: 'cite.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json', render: (r: CitationRecord) => `${JSON.stringify(toCslJson(r), null, 1)}\n` },
] as const;
