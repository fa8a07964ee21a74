/** The plan as an RIS record (EndNote, Zotero, Mendeley …). */
import type { APIRoute } from 'astro';
import { CITE_FILES, citeFilePaths, recordFor } from '../../../lib/cite-files.ts';
import { toRis } from '../../../lib/cite-formats.ts';

export const getStaticPaths = citeFilePaths;
export const GET: APIRoute = (context) => new Response(toRis(recordFor(context)), { headers: { 'Content-Type': CITE_FILES[0].type } });
