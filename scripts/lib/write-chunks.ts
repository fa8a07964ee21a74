/** Writing a file of many text chunks (the open data of every plan: scripts/prepare.ts, scripts/site-files.ts). */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters of text chunks gathered before one write (about 1–3 MB of UTF-8). */
const WRITE_CHARS = 1 << 20;

/**
 * Writes text chunks to a file one after the other, gathered into writes of about `WRITE_CHARS` characters: a chunk is
 * one plan's rows or one target record (targets.json: 183,454 at 10,005 synthetic plans), and a write each took 2 of
 * the 11 s of the site-files part that writes the open data (--cpu-prof).
 */
export function writeChunks(target: string, chunks: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    let gathered: string[] = [];
    let length = 0;
    for (const chunk of chunks) {
      gathered.push(chunk);
      length += chunk.length;
      if (length >= WRITE_CHARS) {
        writeSync(fd, gathered.join(''));
        gathered = [];
        length = 0;
      }
    }
    if (length > 0) writeSync(fd, gathered.join(''));
  } finally {
    closeSync(fd);
  }
}
