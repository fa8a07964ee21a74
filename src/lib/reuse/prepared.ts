/**
 * The text reuse as the pages show it, computed once per build before rendering (`scripts/prepare.ts`) and written
 * per plan: a rendering process reads one small file per plan page instead of holding every shared passage of the
 * library (at 10,000 synthetic plans ≈ 1.5 GB per process, measured; issue 15). Everything a page prints is
 * resolved here, other plans' names included, so that the pages only render. Pure.
 */
import type { PlanDocument } from '../../schemas/plan.ts';
import { createHash } from 'node:crypto';
import { fmix32, placeOccurrences, unitAt, type FoundPassage, type FoundReuse } from './text-reuse.ts';
import { planShortName, reusedBlocks, stretchesOf, STRETCH_PLANS, type ReuseLink, type ReuseStretch } from './views.ts';

/** A place in another plan, with that plan's short name (`北辰区·2020—2022年`). */
export interface NamedLink extends ReuseLink {
  name: string;
}

/** A plan's counts of reused text. */
export interface ReuseCounts {
  slug: string;
  /** Characters of text counted: letters and digits in matching form. */
  chars: number;
  /** Of those, characters inside text that also occurs in another plan. */
  sharedChars: number;
  /** Characters repeated within this plan only. */
  repeatedChars: number;
  /** `sharedChars / chars`. */
  share: number;
}

/** What a plan page shows of its reused text (`_reuse/<slug>.json`). */
export interface PreparedPlanReuse extends ReuseCounts {
  /** Blocks holding text other plans also print: the page marks those paragraphs. */
  reusedBlocks: string[];
  /** Its stretches shared with other plans, in reading order. */
  stretches: (Omit<ReuseStretch, 'elsewhere'> & { elsewhere: NamedLink[] })[];
}

/** A passage as the reuse page lists it. */
export interface PassageView {
  /** As its first occurrence prints it, one string per unit it spans. */
  text: string[];
  /** Its length in matching form. */
  chars: number;
  /** Distinct plans printing it. */
  planCount: number;
  /** The first plans printing it (at most `links`), each at its first occurrence. */
  places: NamedLink[];
}

/** The reuse page's data (`_reuse/_summary.json`): every plan's counts, and the passages most plans share. */
export interface ReuseSummary {
  /** k-gram length, the shortest passage counted. */
  k: number;
  /** Every plan's counts, in corpus order, with its short name. */
  plans: (ReuseCounts & { name: string })[];
  /** Passages printed by three plans or more (formulas), most plans first. */
  many: PassageView[];
  /** Passages printed by exactly two plans (specific text). */
  two: PassageView[];
}

/** How much of the reuse the pages list: passages per list on the reuse page, plans linked per passage. */
export const REUSE_LISTS = { passages: 40, links: 8 } as const;

/** A plan's page file of the text reuse, computed only when asked: `key` says whether it can have changed. */
export interface PlanReuseFile {
  slug: string;
  /**
   * A digest of everything of the text reuse the file depends on besides the plan's own document: its counts, its
   * occurrences (offsets in matching form) and, for each, the first plans of the passage with their blocks, names
   * and source files. Same key and same document: same file (scripts/prepare.ts keeps it).
   */
  key: string;
  prepare: () => PreparedPlanReuse;
}

/** Two FNV-1a hashes of a text's UTF-16 code units (FNV's 32-bit basis and prime; another basis and an odd multiplier), finished by `fmix32`. */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const FNV_BASIS_2 = 0x9747b28c | 0;
const FNV_PRIME_2 = 0x5bd1e995;

function fnv1a(h: number, s: string, prime: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), prime);
  return h;
}

/**
 * The pages' view of the text reuse `found` over `plans` (in corpus order, the order `found` was computed in): the
 * summary and, per plan, its key and how to compute what its page shows.
 */
export function prepareReuse(plans: readonly PlanDocument[], found: FoundReuse, lists: { passages: number; links: number } = REUSE_LISTS): { summary: ReuseSummary; perPlan: PlanReuseFile[] } {
  if (plans.length !== found.plans.length || plans.some((p, i) => p.slug !== found.plans[i]!.slug)) throw new Error('prepareReuse: the text reuse was found over other plans');
  const order = new Map(plans.map((p, i) => [p.slug, i]));
  const names = new Map(plans.map((p) => [p.slug, planShortName(p)]));
  const named = (l: ReuseLink): NamedLink => ({ ...l, name: names.get(l.slug) ?? l.slug });
  const counts = (i: number): ReuseCounts => {
    const { slug, chars, sharedChars, repeatedChars, share } = found.plans[i]!;
    return { slug, chars, sharedChars, repeatedChars, share };
  };
  // A passage's first plans, each at the block of its first occurrence there (read off the found passage).
  const heads = (p: FoundPassage, count: number): ReuseLink[] =>
    p.plans.slice(0, count).map((plan, n) => ({ slug: found.plans[plan]!.slug, blockId: unitAt(found, plan, p.firstFrom[n]!).blockId }));
  // Both once per passage, by rank (an array: a Map keyed by passage was 1.5 s of 10,000 plans' keys).
  const stretchHeads = new Array<ReuseLink[] | undefined>(found.passages.length + 1).fill(undefined);
  const headsForStretches = (p: FoundPassage, count: number): ReuseLink[] => {
    let h = stretchHeads[p.rank];
    if (h === undefined || h.length < Math.min(count, p.plans.length)) stretchHeads[p.rank] = h = heads(p, count);
    return h.length > count ? h.slice(0, count) : h;
  };
  // What a page shows of a passage's other plans, as part of a key: their slugs, blocks, names and source files
  // (the corpus order), as a 64-bit hash of that text (two words by rank, computed once per passage). Not SHA-1 here:
  // a hash object per passage (250,000 at 10,000 plans) was ≈ 2 s of prepare's main thread; the plan's key that
  // takes these words is a SHA-1.
  const headsWords = new Int32Array((found.passages.length + 1) * 2);
  const headsDone = new Uint8Array(found.passages.length + 1);
  // Read off the found passage by plan index, as `heads` finds them (no link objects: the few plans whose files are
  // made again use the links). A plan's slug, name and source file enter as its two words, hashed once per plan:
  // hashing their text again for each passage was 1.7 s of prepare's main thread at 10,000 plans (--cpu-prof).
  const planWords = new Int32Array(plans.length * 2);
  plans.forEach((doc, i) => {
    const line = `${doc.slug}\t${names.get(doc.slug)}\t${doc.source.file}\n`;
    planWords[i * 2] = fmix32(fnv1a(FNV_BASIS, line, FNV_PRIME));
    planWords[i * 2 + 1] = fmix32(fnv1a(FNV_BASIS_2, line, FNV_PRIME_2));
  });
  const digestHeads = (p: FoundPassage): void => {
    if (headsDone[p.rank]) return;
    let h1 = FNV_BASIS;
    let h2 = FNV_BASIS_2;
    for (let n = 0; n < Math.min(p.plans.length, STRETCH_PLANS + 2); n++) {
      const plan = p.plans[n]!;
      const blockId = unitAt(found, plan, p.firstFrom[n]!).blockId;
      // The plan's word, its block's id, and a line feed (the end of the block's id).
      h1 = Math.imul(fnv1a(Math.imul(h1 ^ planWords[plan * 2]!, FNV_PRIME), blockId, FNV_PRIME) ^ 10, FNV_PRIME);
      h2 = Math.imul(fnv1a(Math.imul(h2 ^ planWords[plan * 2 + 1]!, FNV_PRIME_2), blockId, FNV_PRIME_2) ^ 10, FNV_PRIME_2);
    }
    headsWords[p.rank * 2] = fmix32(h1);
    headsWords[p.rank * 2 + 1] = fmix32(h2);
    headsDone[p.rank] = 1;
  };
  const perPlan = plans.map((doc, i): PlanReuseFile => {
    const plan = found.plans[i]!;
    // Each occurrence as four words (from, to, the heads' 64 bits), hashed as bytes: at 10,000 plans (3·10⁶
    // occurrences) writing them as text and joining it was 2.2 s of prepare's main thread in every build.
    const occurrences = new Int32Array(plan.found.length * 4);
    plan.found.forEach((f, j) => {
      digestHeads(f.passage);
      occurrences[j * 4] = f.from;
      occurrences[j * 4 + 1] = f.to;
      occurrences[j * 4 + 2] = headsWords[f.passage.rank * 2]!;
      occurrences[j * 4 + 3] = headsWords[f.passage.rank * 2 + 1]!;
    });
    return {
      slug: doc.slug,
      key: createHash('sha1').update(JSON.stringify(counts(i))).update('\n').update(new Uint8Array(occurrences.buffer)).digest('hex'),
      prepare: () => {
        const placed = placeOccurrences(found, i).map((x) => ({ passage: x.found.passage, occurrence: x.occurrence }));
        return {
          ...counts(i),
          reusedBlocks: [...reusedBlocks({ occurrences: placed })],
          stretches: stretchesOf(doc, doc.slug, placed, order, STRETCH_PLANS, headsForStretches).map((s) => ({ ...s, elsewhere: s.elsewhere.map(named) })),
        };
      },
    };
  });
  // The printed text of a passage: its first occurrence, placed in the blocks of the first plan printing it.
  const placedPlans = new Map<number, ReturnType<typeof placeOccurrences>>();
  const textOf = (p: FoundPassage): string[] => {
    const first = p.plans[0]!;
    let placed = placedPlans.get(first);
    if (placed === undefined) placedPlans.set(first, (placed = placeOccurrences(found, first)));
    return placed.find((x) => x.found.passage === p)!.text();
  };
  const view = (p: FoundPassage): PassageView => ({
    text: textOf(p),
    chars: p.key.length,
    planCount: p.plans.length,
    places: heads(p, lists.links).map(named),
  });
  const summary: ReuseSummary = {
    k: found.k,
    plans: plans.map((p, i) => ({ ...counts(i), name: names.get(p.slug)! })),
    many: found.passages.filter((p) => p.plans.length >= 3).slice(0, lists.passages).map(view),
    two: found.passages.filter((p) => p.plans.length === 2).slice(0, lists.passages).map(view),
  };
  return { summary, perPlan };
}
