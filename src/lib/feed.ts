/**
 * The Atom feed of the plans (RFC 4287), pure: entries from the plans' own facts. The data has no date a plan was
 * added to the library, so an entry's `updated` is the plan's publication date (else the date written), at
 * midnight Beijing time (Atom wants a date-time; the texts give a day). A plan with neither date takes the build
 * time: it is, as far as the library knows, new or changed in this build.
 */
import type { CitationRecord } from './cite-formats.ts';
import { citedDate } from './cite-formats.ts';

export interface FeedEntry {
  record: CitationRecord;
  /** One line about the plan (region, kind, period), as the page's description. */
  summary: string;
}

export interface FeedOptions {
  /** Absolute URL of the feed itself (its id and rel="self"). */
  feedUrl: string;
  /** Absolute URL of the home page. */
  homeUrl: string;
  title: string;
  /** The library, the feed's author. */
  author: string;
  /** Build time, ISO 8601, for plans with no date. */
  builtAt: string;
  /** How many entries, newest first (default `FEED_ENTRIES`). */
  limit?: number;
}

/**
 * A feed lists what is new, not the library: readers poll it, and 10,000 entries would be megabytes a poll. The
 * whole list stays in the open data (`/data/plans.csv`).
 */
export const FEED_ENTRIES = 100;

const escapeXml = (s: string) => s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** `2021-04-19` → `2021-04-19T00:00:00+08:00`. */
export const atomDate = (isoDay: string) => `${isoDay}T00:00:00+08:00`;

/** An entry's `updated`: the plan's date, else the build time. */
export function entryUpdated(r: CitationRecord, builtAt: string): string {
  const day = citedDate(r);
  return day ? atomDate(day) : builtAt;
}

export function atomFeed(entries: FeedEntry[], o: FeedOptions): string {
  const dated = entries.map((e) => ({ ...e, updated: entryUpdated(e.record, o.builtAt) }));
  // Newest first; Date.parse compares instants across the +08:00 and Z forms.
  dated.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.record.id.localeCompare(b.record.id));
  const feedUpdated = dated[0]?.updated ?? o.builtAt;
  const entryXml = dated.slice(0, o.limit ?? FEED_ENTRIES).map(({ record: r, summary, updated }) => {
    const author = r.issuer ?? r.source;
    return [
      '  <entry>',
      `    <id>${escapeXml(r.url)}</id>`,
      `    <title>${escapeXml(r.title)}</title>`,
      `    <updated>${updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(r.url)}"/>`,
      ...(author ? [`    <author><name>${escapeXml(author)}</name></author>`] : []),
      `    <category term="${escapeXml(r.kind)}" label="${escapeXml(r.kindLabel)}"/>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(o.feedUrl)}</id>`,
    `  <title>${escapeXml(o.title)}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(o.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(o.homeUrl)}"/>`,
    `  <author><name>${escapeXml(o.author)}</name></author>`,
    ...entryXml,
    '</feed>',
    '',
  ].join('\n');
}
