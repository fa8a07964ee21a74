import { expect, test } from 'vitest';
import { fill, fillText } from './messages.ts';
import { en, zh } from '../i18n/ui.ts';

test('a template is cut at its named values; an unknown name stays as written', () => {
  expect(fill('找到 {total} 份规划{pending}。', { total: 3, pending: '' })).toEqual([{ text: '找到 ' }, { name: 'total', value: 3 }, { text: ' 份规划' }, { name: 'pending', value: '' }, { text: '。' }]);
  expect(fillText('Plans found: {total}. {other}', { total: 2 })).toBe('Plans found: 2. {other}');
});

test('each edition’s search messages name the same values, so that no value is lost in one language', () => {
  const names = (o: object): Record<string, string[]> =>
    Object.fromEntries(
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, [...v.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort()]] : Object.entries(names(v)).map(([kk, vv]) => [`${k}.${kk}`, vv]),
      ),
    );
  const zhNames = names(zh.searchScript);
  expect(Object.keys(zhNames).length).toBeGreaterThan(20);
  // The English terms offered for an English query are the English page's alone (src/lib/search/english-names.ts).
  const { english, ...shared } = en.searchScript;
  expect(names(shared)).toEqual(zhNames);
  expect(english && names(english)['intro']).toEqual(['query']);
  expect(zh.searchScript.english).toBeUndefined();
});
