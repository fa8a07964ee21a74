import { copyFileSync, linkSync, rmSync } from 'node:fs';

/**
 * `to` becomes the same file as `from`: a hard link (no extra disk), else a copy (another file system, or no hard
 * links), which reads the same. A file already at `to` is replaced, never written into: it may itself be a link to
 * a cached file (a kept page, a kept site file) that a copy over it would change. A missing `from` throws (ENOENT).
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      copyFileSync(from, to);
      return;
    }
  }
  rmSync(to);
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
