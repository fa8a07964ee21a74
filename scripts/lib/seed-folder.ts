/**
 * What a seeds folder holds, as ingest reads it: the plan texts (files directly in the folder whose name ends in
 * `.txt`, in any case: Windows writes `.TXT` too) and everything else it does not read, each with why, so that a
 * run says so instead of passing over a text unsaid (a plan left in a subfolder, a `.docx` put there by mistake).
 * The folder's companions are not listed: the catalog (`catalog.yaml`, read as such), a README, the checksums
 * (`SHA256SUMS`), and hidden files (`.gitkeep`, `.DS_Store`).
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface SeedFolder {
  /** The plan texts, by name, sorted. */
  texts: string[];
  /** What is in the folder and is not read, sorted by name: `name` ends in `/` for a folder. */
  notRead: { name: string; why: string }[];
}

/** Is this file name a plan text's? */
export const isPlanText = (name: string): boolean => /\.txt$/iu.test(name);

const COMPANION = /^(catalog\.yaml|README(\.[a-z]+)?|SHA256SUMS)$/iu;

/** Why a file of these kinds is not a plan text, and what to do. */
const OTHER_FORMAT = /\.(docx?|wps|pdf|html?|rtf|odt)$/iu;

/** The seeds folder `dir` (none there: nothing). */
export function readSeedFolder(dir: string): SeedFolder {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { texts: [], notRead: [] };
    throw e;
  }
  const texts: string[] = [];
  const notRead: SeedFolder['notRead'] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      const inside = readdirSync(join(dir, e.name)).filter(isPlanText).length;
      notRead.push({
        name: `${e.name}/`,
        why: `a folder${inside > 0 ? ` with ${inside} .txt file(s) in it` : ''}: only the files directly in ${dir} are read${inside > 0 ? '; move them up into it to have them read' : ''}`,
      });
    } else if (isPlanText(e.name)) texts.push(e.name);
    else if (!COMPANION.test(e.name)) {
      notRead.push({
        name: e.name,
        why: OTHER_FORMAT.test(e.name)
          ? 'not a plain-text file: save the plan as text (.txt, UTF-8) to have it read'
          : 'its name does not end in .txt: only .txt files are read as plans',
      });
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { texts: texts.sort(byName), notRead: notRead.sort((a, b) => byName(a.name, b.name)) };
}
