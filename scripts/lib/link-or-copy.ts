import { copyFileSync, linkSync } from 'node:fs';

/** `to` becomes the same file as `from`: a hard link (no extra disk), else a copy (another file system, or no hard links), which reads the same. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
