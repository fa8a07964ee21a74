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
import { planFileDigest, planShelf, readPlans, validatedPlans, validatedPlansFile, validatedRecord } from './plan-files.ts';
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

describe('planShelf', () => {
  const recorded = (code: string, files: Record<string, string>) => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-shelf-'));
    writeOutputs(folder, realSeeds().run.files);
    mkdirSync(join(folder, '_prepared'));
    writeFileSync(validatedPlansFile(folder), JSON.stringify({ code, files }));
    return folder;
  };

  test("with prepare's record of the folder, a plan is read only when asked for, in readPlans order with its digest", async () => {
    const plans = await readPlans(dir);
    // The seeds' order (by source file) is not their slugs' order: the shelf takes it from the record, not the names.
    expect(plans.map((p) => p.slug)).not.toEqual(plans.map((p) => p.slug).sort());
    const folder = recorded('code-1', validatedRecord(plans, 'code-1').files);
    try {
      const shelf = await planShelf(folder, 'code-1');
      expect(shelf.slugs).toEqual(plans.map((p) => p.slug));
      expect(shelf.slugs.map((s) => shelf.digest(s))).toEqual(plans.map(planFileDigest));
      expect(shelf.digest('no-such-plan')).toBeUndefined();
      expect(shelf.read).toBe(0);
      const one = plans[2]!;
      expect(shelf.plan(one.slug)).toEqual(one);
      expect(shelf.plan(one.slug)).toBe(shelf.plan(one.slug));
      expect(shelf.read).toBe(1);
      expect(planFileDigest(shelf.plan(one.slug))).toBe(planFileDigest(one));
      expect(() => shelf.plan('no-such-plan')).toThrow('no plan no-such-plan');
      expect(shelf.all()).toEqual(plans);
      expect(shelf.read).toBe(plans.length);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('without a record of this code naming exactly the folder\'s plans, every plan is read at once', async () => {
    const plans = await readPlans(dir);
    const files = validatedRecord(plans, 'code-1').files;
    const { [`${plans[0]!.slug}.json`]: _left, ...short } = files;
    for (const [code, record] of [['code-2', files], ['code-1', short], ['code-1', { ...files, 'gone.json': 'd1' }]] as const) {
      const folder = recorded(code, record);
      try {
        const shelf = await planShelf(folder, 'code-1');
        expect(shelf.read).toBe(plans.length);
        expect(shelf.slugs).toEqual(plans.map((p) => p.slug));
        expect(shelf.all()).toEqual(plans);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });
});
