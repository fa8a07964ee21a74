import { describe, expect, test } from 'vitest';
import type { Hit } from './engine.ts';
import { planText } from './plan-text.ts';
import { snippet } from './present.ts';

/** A hit on the first occurrence of `match` in a paragraph of `text`. */
function hitIn(text: string, match: string): Hit {
  const page = planText('p', '/plans/p/', { slug: 'p', title: 'T', meta: {}, filters: {}, blocks: [{ id: 'p1', kind: 'paragraph', under: -1, text }] });
  const at = text.indexOf(match);
  return { block: page.blocks[0]!, marks: [[at, at + match.length]], count: 1, terms: 1, synonym: false };
}

const shown = (hit: Hit) => {
  const s = snippet(hit);
  return `${s.cutBefore ? '…' : ''}${s.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')}${s.cutAfter ? '…' : ''}`;
};

// The texts are written for these cases (the seed sentence behind the first one: baodi's 2019年末 shown as …19年末).
describe('snippet window', () => {
  test('a short block is shown whole', () => {
    expect(shown(hitIn('国家高企达7家。', '高企'))).toBe('国家[高企]达7家。');
  });

  test('starts at the start of the clause holding the match when one is near enough before it', () => {
    const text = `截至2019年末，宝坻区拥有国家入库科技型中小企业179家、雏鹰企业40家。上市挂牌高企达7家，${'后文'.repeat(50)}`;
    expect(shown(hitIn(text, '高企达7家'))).toMatch(/^…上市挂牌\[高企达7家\]，后文/u);
  });

  test('never starts inside a number when no clause starts near the match', () => {
    // 24 characters before 科技型 is the 1 of 2019: the window moves back to the number's start.
    const text = `${'前文'.repeat(20)}至2019年末${'甲'.repeat(20)}科技型中小企业${'后文'.repeat(50)}`;
    const s = shown(hitIn(text, '科技型中小企业'));
    expect(s.startsWith('…2019年末')).toBe(true);
  });

  test('never ends inside a number', () => {
    // The window's 100 characters end after 12 of 123456.
    const text = `${'甲'.repeat(30)}研发投入强度${'乙'.repeat(66)}达到123456元以上`;
    const s = shown(hitIn(text, '研发投入强度'));
    expect(s).toMatch(/达到123456…$/u);
  });

  test('a run longer than the reach is cut where it falls', () => {
    const text = `${'甲'.repeat(20)}${'ABCD'.repeat(10)}研发投入强度${'乙'.repeat(100)}`;
    const s = shown(hitIn(text, '研发投入强度'));
    expect(s.startsWith(`…${text.slice(text.indexOf('研发') - 24, text.indexOf('研发'))}[研发投入强度]`)).toBe(true);
  });
});
