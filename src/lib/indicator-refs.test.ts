import { expect, test } from 'vitest';
import { readRegistry } from './registry-files.ts';
import { englishNamesById, noteParts, noteText } from './indicator-refs.ts';

const names = new Map([
  ['rd-intensity', 'Gross R&D intensity (GERD / GDP)'],
  ['tech-smes', 'Number of technology-based SMEs'],
]);

test('a note names indicators by {id}: pieces of its own words and the indicators, in order', () => {
  expect(noteParts('An amount; compare regions through {rd-intensity}, which divides it by GDP.', names)).toEqual([
    { text: 'An amount; compare regions through ' },
    { id: 'rd-intensity', name: 'Gross R&D intensity (GERD / GDP)' },
    { text: ', which divides it by GDP.' },
  ]);
  expect(noteText('wider than 科技型中小企业 ({tech-smes}, the national register)', names)).toBe('wider than 科技型中小企业 (Number of technology-based SMEs, the national register)');
  expect(noteParts('No reference (R&D over GDP).', names)).toEqual([{ text: 'No reference (R&D over GDP).' }]);
  expect(noteText('{rd-intensity}', names)).toBe('Gross R&D intensity (GERD / GDP)');
});

test('an id no indicator has is refused, naming the note and the id', () => {
  expect(() => noteParts('compare through {rd-intensty}.', names)).toThrow(/\{rd-intensty\}.*no indicator/u);
});

test('the registry’s English notes name indicators by {id} only: no bare id is left for a reader to meet as a slug', async () => {
  const indicators = await readRegistry('indicators');
  const byId = englishNamesById(indicators);
  const problems: string[] = [];
  for (const i of indicators) {
    if (!i.comparabilityEn) continue;
    const text = noteText(i.comparabilityEn, byId); // throws on an unknown id
    // Ids with a hyphen cannot be English words; `incubators` and the like can, so they are not looked for.
    for (const id of byId.keys()) if (id.includes('-') && new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'u').test(text)) problems.push(`${i.id}: ${id} written bare`);
  }
  expect(problems).toEqual([]);
});
