/** The plan as a BibTeX entry. */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { CITE_FILES, citeFilePaths, recordFor } from '../../../lib/cite-files.ts';
import { toBibtex } from '../../../lib/cite-formats.ts';

export const getStaticPaths = inThisPart(citeFilePaths);
export const GET: APIRoute = (context) => new Response(toBibtex(recordFor(context)), { headers: { 'Content-Type': CITE_FILES[1].type } });
