import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkRecordedTargets, loadRegistries } from './registries.ts';
import { parseDocuments } from './pipeline/cited-documents.ts';

const FILE = 'content/documents.yaml';
const reg = loadRegistries('seeds', 'content');
const text = readFileSync(FILE, 'utf8');
const check = (yaml: string) => checkRecordedTargets(parseDocuments(yaml, FILE), reg.indicators, yaml, FILE);

describe('checkRecordedTargets: the targets of plans above, in their indicators’ units', () => {
  test('the registry as it is passes', () => {
    expect(check(text).flatMap((d) => d.targets).length).toBeGreaterThan(0);
  });
  test('a target in another unit than its indicator’s is refused, naming the file and the line of its unit', () => {
    // The first recorded 4万件 of valid invention patents, written in 项 by mistake.
    const at = text.indexOf("unit: '件'");
    const line = text.slice(0, at).split('\n').length;
    expect(() => check(`${text.slice(0, at)}unit: '项'${text.slice(at + "unit: '件'".length)}`)).toThrow(
      new RegExp(`^content/documents\\.yaml:${line}: .*is in 项; valid-invention-patents is counted in 件`, 'u'),
    );
  });
  test('a target of an indicator the registry lacks is refused; 个 for 家 is the same count and passes', () => {
    expect(() => check(text.replace('indicatorId: valid-invention-patents', 'indicatorId: no-such-indicator'))).toThrow(/names indicator no-such-indicator, which is not in content\/indicators\.yaml/u);
    const at = text.indexOf("unit: '家'");
    expect(() => check(`${text.slice(0, at)}unit: '个'${text.slice(at + "unit: '家'".length)}`)).not.toThrow();
  });
});
