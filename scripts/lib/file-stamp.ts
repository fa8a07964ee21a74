/**
 * A file as a rebuild knows it without reading it: its inode, size and modification time (in nanoseconds), or null
 * when it is not there. A stage that reads a file of the site can keep what it made of it while the stamp is as at the
 * last build: the site's pages and files are links into caches (scripts/lib/kept-pages.ts, scripts/site-files.ts), so
 * a file kept is the same inode, untouched; one made again is written anew (a new time, most often a new inode).
 */
import { statSync } from 'node:fs';

export function fileStamp(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    // Not there, or a file where the path wants a folder (as `existsSync` says false for both).
    if (['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) return null;
    throw e;
  }
}
