import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REGISTRIES, readRegistry, type RegistryName } from './registry-files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'registry-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readRegistry', () => {
  test.each(Object.keys(REGISTRIES) as RegistryName[])('%s: every entry of the YAML list, once, in id order', async (name) => {
    // The ids as the file writes them, read without the YAML parser.
    const written = [...readFileSync(REGISTRIES[name].file, 'utf8').matchAll(/^- id: ['"]?([^'"\s#]+)/gmu)].map((m) => m[1]!);
    const ids = (await readRegistry(name)).map((e) => e.id);
    expect(ids).toEqual([...written].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ids.length).toBeGreaterThan(0);
  });

  test('an entry the schema refuses is an error naming the file and line', async () => {
    mkdirSync(join(scratch, 'content'), { recursive: true });
    writeFileSync(join(scratch, 'content/kinds.yaml'), '- id: other\n  label: 其他\n  labelEn: Other\n- id: no-such-kind\n  label: 无\n  labelEn: None\n');
    await expect(readRegistry('kinds', scratch)).rejects.toThrow(/content\/kinds\.yaml:4 › 1\.id/u);
  });
});
