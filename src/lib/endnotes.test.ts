import { describe, expect, test } from 'vitest';
import { numberEndnotes } from './endnotes.ts';

/** A placeholder written by hand as endnotePlaceholder writes it (Astro escapes `&` and `"` in attribute values). */
const ref = (url: string, label: string, continued = false) =>
  `<sup class="endnote-ref" data-endnote="${url}" data-endnote-label="${label}"${continued ? ' data-endnote-continued' : ''} data-ui></sup>`;
const mark = (n: number) => `<sup class="endnote-ref" data-ui>\u2060${n}</sup>`;
const DOC = 'https://example.org/documents/a/';
const TERM = 'https://example.org/glossary/b/';

describe('numberEndnotes(html)', () => {
  test('numbers the links in reading order and lists each target once, at its first mention', () => {
    const html = `<p>见<a>《甲》</a>${ref(DOC, '《甲》')}和<a>乙</a>${ref(TERM, '术语“乙”')}。</p><p><a>乙</a>${ref(TERM, '术语“乙”')}；<a>《甲》</a>${ref(DOC, '《甲》')}</p>`;
    const { html: out, notes } = numberEndnotes(html);
    expect(out).toBe(`<p>见<a>《甲》</a>${mark(1)}和<a>乙</a>${mark(2)}。</p><p><a>乙</a>${mark(2)}；<a>《甲》</a>${mark(1)}</p>`);
    expect(notes).toEqual([
      { number: 1, label: '《甲》', url: DOC },
      { number: 2, label: '术语“乙”', url: TERM },
    ]);
  });

  test('marks a title cut around a repair once, after its last piece', () => {
    const html = `<cite><a>《天津市科技创新三年行动计划</a>${ref(DOC, '《甲》')}</cite><span class="repair">(2020—2022年)</span><cite><a>》</a>${ref(DOC, '《甲》', true)}</cite>(津政发)`;
    const { html: out, notes } = numberEndnotes(html);
    expect(out).toBe(`<cite><a>《天津市科技创新三年行动计划</a></cite><span class="repair">(2020—2022年)</span><cite><a>》</a>${mark(1)}</cite>(津政发)`);
    expect(notes).toHaveLength(1);
  });

  test('a second link to the same target right after the first keeps its own mark', () => {
    const { html: out } = numberEndnotes(`<a>乙</a>${ref(TERM, '乙')}、<a>乙</a>${ref(TERM, '乙')}`);
    expect(out).toBe(`<a>乙</a>${mark(1)}、<a>乙</a>${mark(1)}`);
  });

  test('reads escaped attribute values back as text', () => {
    const { notes } = numberEndnotes(`<a>x</a>${ref('https://example.org/q?a=1&amp;b=2', '&quot;A&quot; &lt;B&gt; &#39;C&#39; &#x4e2d;')}`);
    expect(notes).toEqual([{ number: 1, label: '"A" <B> \'C\' 中', url: 'https://example.org/q?a=1&b=2' }]);
  });

  test('leaves HTML without placeholders as it is', () => {
    const html = '<p>正文<sup>校</sup></p>';
    expect(numberEndnotes(html)).toEqual({ html, notes: [] });
  });
});
