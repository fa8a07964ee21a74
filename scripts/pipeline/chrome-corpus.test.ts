/**
 * The chrome stage on the real-world corpus (tests/fixtures/corpus): for every excerpt, the lines it takes out are
 * exactly the lines the hand-checked gold calls portal furniture (`chrome_lines`), compared with whitespace removed.
 * The corpus is a development set: the rules are general, and no rule names a corpus file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeChrome } from './chrome.ts';
import { loadRegistries } from '../registries.ts';
import { decodeSeed } from './decode.ts';
import { splitLines } from './lines.ts';

const CORPUS = 'tests/fixtures/corpus';
// As ingest reads them: chrome.yaml's field rules name the labels of content/portal-fields.yaml.
const rules = loadRegistries('seeds', 'content').chrome;
const gold = JSON.parse(readFileSync(join(CORPUS, 'gold.json'), 'utf8')) as { file: string; chrome_lines: string[] }[];

/**
 * Excerpts where the stage is known not to match the gold yet, with the reason. Empty: every excerpt matches.
 * A new miss fails the test; a known miss that starts matching fails too, so that this list stays true.
 */
const KNOWN_MISSES: Record<string, string> = {};

const squash = (s: string) => s.replace(/\s+/gu, '');

function removedSet(file: string): Set<string> {
  const { text } = decodeSeed(new Uint8Array(readFileSync(join(CORPUS, file))), `${CORPUS}/${file}`);
  return new Set(removeChrome(splitLines(text), rules).removed.map((r) => squash(r.text)));
}

describe('removeChrome on the corpus: removed lines = gold chrome_lines', () => {
  test('the gold lists every corpus excerpt', () => {
    expect(gold.length).toBeGreaterThanOrEqual(20);
  });

  test.each(gold.map((g) => [g.file, g] as const))('%s', (file, g) => {
    const got = [...removedSet(file)].sort();
    const want = [...new Set(g.chrome_lines.map(squash))].sort();
    if (file in KNOWN_MISSES) expect(got, `known miss now matches, remove it from KNOWN_MISSES: ${KNOWN_MISSES[file]}`).not.toEqual(want);
    else expect(got).toEqual(want);
  });
});
