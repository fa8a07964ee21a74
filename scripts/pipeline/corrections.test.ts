import { describe, expect, test } from 'vitest';
import { applyCorrections, type LocatedCorrection } from './corrections.ts';
import { splitLines } from './lines.ts';

const c = (original: string, replacement: string, at = 'content/corrections.yaml:3'): LocatedCorrection => ({ original, replacement, reason: '测试', reasonEn: 'a test', at });

describe('applyCorrections(lines, corrections, file)', () => {
  test('replaces the passage and records where the repair is, in the repaired text and in the source line', () => {
    const [line] = applyCorrections(splitLines('  落款 202147 主动公开'), [c('202147', '2021年4月7日')], 'seeds/x.txt');
    expect(line!.text).toBe('落款 2021年4月7日 主动公开');
    expect(line!.repairs).toEqual([{ start: 3, end: 12, column: 3, original: '202147', replacement: '2021年4月7日', reason: '测试', reasonEn: 'a test', source: 'correction' }]);
  });

  test('applies two corrections on one line with correct offsets', () => {
    const [line] = applyCorrections(splitLines('(20202022年)(津政发〔202023号)'), [c('〔202023号', '〔2020〕23号'), c('(20202022年)', '(2020—2022年)')], 'x');
    expect(line!.text).toBe('(2020—2022年)(津政发〔2020〕23号)');
    expect(line!.repairs.map((r) => line!.text.slice(r.start, r.end))).toEqual(['(2020—2022年)', '〔2020〕23号']);
    expect(line!.repairs.map((r) => r.column)).toEqual([0, 15]);
  });

  test('stops when a correction matches nowhere, naming the correction and the file', () => {
    expect(() => applyCorrections(splitLines('正文'), [c('202147', 'x', 'content/corrections.yaml:7')], 'seeds/x.txt')).toThrowErrorMatchingInlineSnapshot(`
      [IngestError: content/corrections.yaml:7: correction "202147" → "x" matches 0 times in seeds/x.txt; it must match exactly once
        hint: copy the original exactly from the seed (same brackets and punctuation), or remove the correction]
    `);
  });

  test('stops when a correction matches more than once, listing every place', () => {
    expect(() => applyCorrections(splitLines('重点任务\n重点任务工作目标'), [c('重点任务', '二、重点任务')], 'seeds/x.txt')).toThrow(
      /matches 2 times in seeds\/x\.txt \(seeds\/x\.txt:1:1, seeds\/x\.txt:2:1\)/u,
    );
  });
});
