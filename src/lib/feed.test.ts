/** The Atom feed writer: dates, order, escaping, and plans without a date. Records written by hand. */
import { describe, expect, test } from 'vitest';
import type { CitationRecord } from './cite-formats.ts';
import { atomDate, atomFeed, entryUpdated } from './feed.ts';

const plan = (id: string, over: Partial<CitationRecord>): CitationRecord => ({
  id,
  kind: 'five-year-plan',
  kindLabel: '五年规划',
  title: `${id}规划`,
  issuer: null,
  source: null,
  docNumber: null,
  dateWritten: null,
  datePublished: null,
  region: null,
  period: null,
  url: `https://example.org/plans/${id}/`,
  ...over,
});
const options = { feedUrl: 'https://example.org/feed.xml', homeUrl: 'https://example.org/', title: '收录的规划', author: '参考库', builtAt: '2026-12-01T08:00:00Z' };

describe('entryUpdated(record, builtAt)', () => {
  test('the publication date, else the date written, at midnight Beijing time; else the build time', () => {
    expect(atomDate('2021-04-19')).toBe('2021-04-19T00:00:00+08:00');
    expect(entryUpdated(plan('a', { dateWritten: '2021-03-12', datePublished: '2021-03-20' }), options.builtAt)).toBe('2021-03-20T00:00:00+08:00');
    expect(entryUpdated(plan('a', { dateWritten: '2021-03-12' }), options.builtAt)).toBe('2021-03-12T00:00:00+08:00');
    expect(entryUpdated(plan('a', {}), options.builtAt)).toBe('2026-12-01T08:00:00Z');
  });
});

describe('atomFeed(entries, options)', () => {
  const xml = atomFeed(
    [
      { record: plan('old', { datePublished: '2014-02-14', issuer: 'A&B<局>' }), summary: '旧' },
      { record: plan('new', { datePublished: '2022-07-16' }), summary: '新' },
      { record: plan('undated', {}), summary: '无日期' },
    ],
    options,
  );
  test('lists entries newest first, the feed updated as its newest entry', () => {
    expect([...xml.matchAll(/<id>https:\/\/example\.org\/plans\/([a-z]+)\/<\/id>/gu)].map((m) => m[1])).toEqual(['undated', 'new', 'old']);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n  <id>https://example.org/feed.xml</id>\n  <title>收录的规划</title>\n  <updated>2026-12-01T08:00:00Z</updated>');
  });
  test('lists only the newest entries: the feed says what is new, not the whole library', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ record: plan(`p${String(i).padStart(3, '0')}`, { datePublished: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` }), summary: '' }));
    const feed = atomFeed(many, options);
    expect(feed.match(/<entry>/gu)).toHaveLength(100);
    // The 1st–28th of January: the entries dated the 28th come first; those of the 1st–8th are left out (150 entries, five or six a day).
    expect(feed).toContain('<updated>2020-01-28T00:00:00+08:00</updated>');
    expect(feed).not.toContain('<updated>2020-01-01T00:00:00+08:00</updated>');
    expect(atomFeed(many, { ...options, limit: 3 }).match(/<entry>/gu)).toHaveLength(3);
  });
  test('escapes text for XML', () => {
    expect(xml).toContain('<author><name>A&amp;B&lt;局&gt;</name></author>');
  });
});
