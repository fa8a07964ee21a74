/** The plan as CSL-JSON (citeproc, Pandoc, Zotero …). */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { CITE_FILES, citeFilePaths, recordFor } from '../../../lib/cite-files.ts';
import { toCslJson } from '../../../lib/cite-formats.ts';

export const getStaticPaths = inThisPart(citeFilePaths);
export const GET: APIRoute = (context) => new Response(`${JSON.stringify(toCslJson(recordFor(context)), null, 1)}\n`, { headers: { 'Content-Type': CITE_FILES[2].type } });
