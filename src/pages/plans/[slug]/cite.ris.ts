/** The plan as an RIS record (EndNote, Zotero, Mendeley …). */
import { inThisPart } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { CITE_FILES, citeFilePaths, recordFor } from '../../../lib/cite-files.ts';
import { toRis } from '../../../lib/cite-formats.ts';

export const getStaticPaths = inThisPart(citeFilePaths);
export const GET: APIRoute = (context) => new Response(toRis(recordFor(context)), { headers: { 'Content-Type': CITE_FILES[0].type } });
