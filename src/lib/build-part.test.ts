import { describe, expect, test } from 'vitest';
import { buildPart, inThisPart, isInThisPart, partOf } from './build-part.ts';

describe('buildPart', () => {
  test('reads "i/k" from BUILD_PART, null without it', () => {
    expect(buildPart({})).toBeNull();
    expect(buildPart({ BUILD_PART: '' })).toBeNull();
    expect(buildPart({ BUILD_PART: '1/2' })).toEqual({ index: 1, count: 2 });
  });
  test('refuses a part that does not exist', () => {
    expect(() => buildPart({ BUILD_PART: '2/2' })).toThrow(/0 ≤ i < k/u);
    expect(() => buildPart({ BUILD_PART: 'half' })).toThrow(/BUILD_PART/u);
  });
});

describe('inThisPart', () => {
  const slugs = Array.from({ length: 400 }, (_, i) => `plan-${i}`);
  const paths = () => slugs.map((slug) => ({ params: { slug }, props: { slug } }));

  test('the parts together give every page exactly once', async () => {
    const parts = await Promise.all([0, 1, 2].map((i) => inThisPart(paths, { BUILD_PART: `${i}/3` })()));
    const all = parts.flat().map((p) => p.params.slug);
    expect(all).toHaveLength(slugs.length);
    expect(new Set(all)).toEqual(new Set(slugs));
    // Even enough to be worth it: each part within a fifth of its share (the hash is FNV-1a, not a sort).
    for (const part of parts) expect(Math.abs(part.length - slugs.length / 3)).toBeLessThan(slugs.length / 15);
  });

  test('without BUILD_PART every page, in order', async () => {
    expect(await inThisPart(paths, {})()).toEqual(paths());
  });

  test('a getStaticPaths without arguments is computed once for both routes that export it; one with arguments per call', async () => {
    let calls = 0;
    const shared = inThisPart(() => {
      calls++;
      return paths();
    }, { BUILD_PART: '0/2' });
    // The Chinese route and its English twin (which re-exports the same function) each call it.
    const [zh, en] = [await shared(), await shared()];
    expect(calls).toBe(1);
    // The same pages, in an array of its own (Astro writes route-specific keys onto the array it gets).
    expect(en).not.toBe(zh);
    expect(en).toEqual(zh);
    expect(en[0]).toBe(zh[0]);
    expect(zh.length).toBeGreaterThan(0);
    let paginated = 0;
    const perRoute = inThisPart((opts: { route: string }) => {
      paginated++;
      return slugs.map((slug) => ({ params: { slug }, props: { url: `${opts.route}${slug}/` } }));
    }, {});
    expect((await perRoute({ route: '/' }))[0]!.props.url).toBe('/plan-0/');
    expect((await perRoute({ route: '/en/' }))[0]!.props.url).toBe('/en/plan-0/');
    expect(paginated).toBe(2);
  });

  test('isInThisPart selects the pages inThisPart gives, so a route may skip the others before computing props', async () => {
    for (const i of [0, 1]) {
      const env = { BUILD_PART: `${i}/2` };
      const given = (await inThisPart(paths, env)()).map((p) => p.params.slug);
      expect(given.length).toBeGreaterThan(0);
      expect(slugs.filter((slug) => isInThisPart({ slug }, env))).toEqual(given);
    }
    expect(slugs.every((slug) => isInThisPart({ slug }, {}))).toBe(true);
  });

  test('a page and its English twin (same parameters) fall in the same part; the order of the parameters does not matter', () => {
    expect(partOf({ id: 'a', page: '2' }, 7)).toBe(partOf({ page: '2', id: 'a' }, 7));
    expect(partOf({ page: undefined }, 2)).toBe(partOf({ page: undefined }, 2));
  });
});
