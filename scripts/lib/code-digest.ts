/**
 * The code that makes the build's files (every source file of `src/` and `scripts/`, and the locked dependencies),
 * as one digest: what a stage's cache of made files depends on besides their inputs (scripts/site-files.ts,
 * scripts/search-pairs.ts). Any edit to the code makes them afresh, which is slower and always right.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function codeDigest(root = process.cwd()): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(?:ts|mjs|js|json|yaml)$/u.test(name) && !/\.test\.ts$/u.test(name)) hash.update(path).update('\0').update(readFileSync(join(root, path))).update('\0');
    }
  };
  walk('src');
  walk('scripts');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}
