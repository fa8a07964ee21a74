import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes the folder of each file it is given (with its parents), once per folder: the build links or moves tens of
 * thousands of files into a few thousand folders (kept pages, a site taken apart), and asks for each folder once.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}
