/**
 * Reading a plans folder: validated against the schema, except the files a record of this code names with the digest
 * of their text (the prepare stage's `_prepared/validated.json`), which read back as the very same documents.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { realSeeds } from './crosslinks/test-fixtures.ts';
import { planFileDigest, readPlans, validatedPlans, validatedPlansFile, validatedRecord } from './plan-files.ts';
import { writeOutputs } from '../../scripts/ingest.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-files-'));
  writeOutputs(dir, realSeeds().run.files);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('readPlans', () => {
  test('the files a record names read back, without the schema, as the same documents with the same digests', async () => {
    const checked = await readPlans(dir);
    const record = validatedRecord(checked, 'code-1');
    expect(Object.keys(record.files).sort()).toEqual(checked.map((p) => `${p.slug}.json`).sort());
    const trusted = await readPlans(dir, record.files);
    expect(trusted).toEqual(checked);
    // Same key order too: pages and files write these objects out (data/plans/<slug>.json).
    expect(trusted.map((p) => JSON.stringify(p))).toEqual(checked.map((p) => JSON.stringify(p)));
    expect(trusted.map(planFileDigest)).toEqual(checked.map(planFileDigest));
  });

  test('a file is trusted only with the digest of its text: an invalid one the record names is read as it is, once changed it is validated', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    const text = JSON.stringify({ slug: 'bad', source: { file: 'bad.txt' } });
    writeFileSync(join(bad, 'bad.json'), text);
    await expect(readPlans(bad)).rejects.toThrow(`invalid data in ${join(bad, 'bad.json')}`);
    // Named with its digest, it is not validated: that is what the record promises the reader.
    expect((await readPlans(bad, { 'bad.json': sha1(text) })).map((p) => p.slug)).toEqual(['bad']);
    await expect(readPlans(bad, { 'bad.json': sha1(`${text} `) })).rejects.toThrow(`invalid data in ${join(bad, 'bad.json')}`);
  });
});

describe('validatedPlans', () => {
  test("the record's files for the code that wrote it; none for other code, or with no record or a broken one", () => {
    const folder = join(dir, 'records');
    mkdirSync(folder);
    expect(validatedPlans(folder, 'code-1')).toEqual({});
    mkdirSync(join(folder, '_prepared'));
    writeFileSync(validatedPlansFile(folder), JSON.stringify({ code: 'code-1', files: { 'a.json': 'd1' } }));
    expect(validatedPlans(folder, 'code-1')).toEqual({ 'a.json': 'd1' });
    expect(validatedPlans(folder, 'code-2')).toEqual({});
    writeFileSync(validatedPlansFile(folder), '{"code":');
    expect(validatedPlans(folder, 'code-1')).toEqual({});
    expect(readFileSync(validatedPlansFile(folder), 'utf8')).toBe('{"code":');
  });
});
