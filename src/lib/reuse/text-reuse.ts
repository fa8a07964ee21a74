/**
 * Passages that several plans print alike (issue 14, "Text reuse"). Pure and near-linear in the size of the corpus:
 * computed once per build over every plan (like related sections), never per page.
 *
 * Matching form: each unit of text (a block or a table cell) is folded by the project's lexicon (`toMatchForm`:
 * traditional → simplified, full-width → half-width, converter damage dropped), then only letters and digits are
 * kept (lower case). So punctuation, spaces and line breaks never decide a match, and a plan's units are read as one
 * stream: a passage may run over a heading into its paragraph, and a paragraph split over two lines matches the same.
 *
 * Method: every k-gram (k = 12 characters of that form) is hashed into an index of distinct k-grams with, for each,
 * the number of plans and of places it occurs in. A character is reused when a k-gram covering it occurs in another
 * plan; repeated when its k-grams recur only within its own plan (counted apart, never in the share). Passages are
 * the maximal runs of k-grams that always follow each other wherever they occur (each k-gram has one successor
 * everywhere and that successor one predecessor): every occurrence of a passage is then the whole passage, and all
 * its occurrences are found together. A passage that five plans share inside sentences that two of them share
 * further is its own passage (the boilerplate), and the longer stretches around it are others (the specific text).
 * No library fitted (README "Text reuse"): `minhash` and `bloom-filters` estimate whole-document similarity, with no
 * passages; `common-substrings` builds a suffix trie (quadratic in text length) and returns no positions;
 * `@dodona/dolos-core` keeps an object per token and per shared fingerprint, and reports pairs of files.
 *
 * Hashes are two independent 32-bit polynomial hashes of the 12 characters, rolled along the text (64 bits kept): at
 * 10,000 plans (about 3.6·10⁷ k-grams, 2·10⁶ distinct in the synthetic library) the expected number of colliding pairs is below 10⁻⁴. Rolling them instead of
 * hashing each k-gram afresh: the hashing and indexing went from ≈ 10 s to ≈ 6 s at 10,000 plans (--cpu-prof of scripts/prepare.ts).
 */
import { bisectRight } from 'd3-array';
import { dropDamage, foldChar, toMatchForm } from '../../../scripts/pipeline/lexicon/fold.ts';

/** A run of a plan's text, in reading order: a block, or one cell of a table. */
export interface TextUnit {
  /** Block id (`p2-1-3`, `t1`). */
  blockId: string;
  /** Index of the cell in the table's caption, head and body cells (`richTextsOf` order), `null` for other blocks. */
  cell: number | null;
  /** Offset of `text` in the block's (or cell's) text: a heading's number is left out. */
  offset: number;
  text: string;
}

export interface ReuseInput {
  slug: string;
  units: TextUnit[];
}

/** Where a passage stands in one unit: offsets in the block's (or cell's) text, UTF-16, end exclusive. */
export interface Segment {
  blockId: string;
  cell: number | null;
  start: number;
  end: number;
}

/** One place a passage occurs. */
export interface Occurrence {
  slug: string;
  /** Offsets in the plan's matching form (see {@link PlanReuse.chars}). */
  from: number;
  to: number;
  /** The units it spans, in reading order (one for a passage inside a paragraph). */
  segments: Segment[];
}

/** A passage that occurs in two plans or more. */
export interface SharedPassage {
  /** 1-based rank in {@link TextReuse.passages}. */
  rank: number;
  /** The passage in matching form (letters and digits only). */
  key: string;
  /** As its first occurrence prints it, one string per unit it spans. */
  text: string[];
  /** Distinct plans, in input order. */
  plans: string[];
  /** Every occurrence, in input order (a plan that repeats the passage has several). */
  occurrences: Occurrence[];
}

export interface PlanReuse {
  slug: string;
  /** Characters of text counted: letters and digits in matching form. */
  chars: number;
  /** Of those, characters inside text that also occurs in another plan. */
  sharedChars: number;
  /** Characters repeated within this plan only (not in `sharedChars`). */
  repeatedChars: number;
  /** `sharedChars / chars`, 0 for a plan with no text. */
  share: number;
  /** This plan's occurrences of shared passages, in reading order, with their passage. */
  occurrences: { passage: SharedPassage; occurrence: Occurrence }[];
}

export interface TextReuse {
  /** k-gram length, the shortest passage (characters in matching form). */
  k: number;
  /** By slug, in input order. */
  plans: Map<string, PlanReuse>;
  /** Most plans first, then longest, then first seen. */
  passages: SharedPassage[];
}

export const REUSE_K = 12;

/** Dropped from the matching form: everything but letters and digits (punctuation, spaces, symbols). */
const NOT_KEPT = /[^\p{L}\p{N}]+/gu;
const lowerAscii = (s: string) => s.replace(/[A-Z]+/gu, (m) => m.toLowerCase());

/** One code point's matching form: folded by the lexicon, dropped unless a letter or digit, ASCII in lower case. */
const charForm = (cp: string): string => lowerAscii(foldChar(cp).replace(NOT_KEPT, ''));

/**
 * `charForm` of each UTF-16 code unit that is a code point of its own, filled on first use: the code unit of its
 * form, DROPPED, or OTHER (a form of another length, or a surrogate: `charForm` itself is used). A table rather
 * than folding a string: the matching forms of a 10,000-plan library took 5.5 s that way, a third of the reuse.
 */
const UNSEEN = -1;
const DROPPED = -2;
const OTHER = -3;
const unitForms = new Int32Array(0x10000).fill(UNSEEN);

function unitForm(unit: number): number {
  let f = unitForms[unit]!;
  if (f !== UNSEEN) return f;
  if (unit >= 0xd800 && unit <= 0xdfff) f = OTHER;
  else {
    const form = charForm(String.fromCharCode(unit));
    f = form.length === 0 ? DROPPED : form.length === 1 ? form.charCodeAt(0) : OTHER;
  }
  unitForms[unit] = f;
  return f;
}

let formBuffer = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/**
 * A unit in matching form: folded by the lexicon, letters and digits only, ASCII in lower case; the same as
 * `lowerAscii(simplify(text).replace(NOT_KEPT, ''))`, a code point at a time (`charForm`), since both folding and
 * keeping go code point by code point once the converter damage is dropped.
 */
export function matchText(text: string): string {
  const s = dropDamage(text);
  if (formBuffer.length < s.length * 2) formBuffer = new Uint16Array(s.length * 2);
  const out = formBuffer;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const f = unitForm(s.charCodeAt(i));
    if (f >= 0) out[n++] = f;
    else if (f === OTHER) {
      const cp = String.fromCodePoint(s.codePointAt(i)!);
      i += cp.length - 1;
      const form = charForm(cp);
      for (let j = 0; j < form.length; j++) out[n++] = form.charCodeAt(j);
    }
  }
  return utf16.decode(out.subarray(0, n));
}

/** A plan's matching form, and for each of its UTF-16 units the text unit and the source offsets it came from. */
interface PlanOffsets {
  text: string;
  unit: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

function planOffsets(units: TextUnit[]): PlanOffsets {
  const forms = units.map((u) => toMatchForm(u.text));
  const length = forms.reduce((n, f) => n + f.text.length, 0);
  const unit = new Int32Array(length);
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  let text = '';
  let at = 0;
  forms.forEach((form, ui) => {
    const offset = units[ui]!.offset;
    // The kept runs of the folded text, each mapped back character by character.
    for (const m of form.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      text += lowerAscii(m[0]);
      for (let i = m.index; i < m.index + m[0].length; i++, at++) {
        unit[at] = ui;
        start[at] = offset + form.toSource(i);
        end[at] = offset + form.toSourceEnd(i + 1);
      }
    }
  });
  return { text, unit: unit.subarray(0, at), start: start.subarray(0, at), end: end.subarray(0, at) };
}

/** Growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * What `findPassages` counts of each distinct k-gram, the fields of one k-gram side by side in one Int32Array (a
 * k-gram's counts are read and written together at each of its places: one memory access instead of one per array;
 * at 10,000 plans 3.6·10⁷ places, 2·10⁶ distinct k-grams).
 */
const FIELDS = 7;
/** Distinct plans it occurs in. */
const PLANS = 0;
/** Places it occurs at. */
const PLACES = 1;
/** The last plan it was seen in (to count plans once). */
const LAST_PLAN = 2;
/** Its one successor (or NONE, MANY). */
const SUCC = 3;
/** Its one predecessor (or NONE, MANY). */
const PRED = 4;
/** Its two hashes, to know it as the one successor of the k-gram before without looking it up in the index. */
const H1 = 5;
const H2 = 6;

class KgramFields {
  data = new Int32Array(1024 * FIELDS);
  length = 0;
  /** A new k-gram's fields (no plan, no place, no neighbour yet); returns its id. */
  add(h1: number, h2: number): number {
    if ((this.length + 1) * FIELDS > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const f = this.length * FIELDS;
    this.data[f + LAST_PLAN] = -1;
    this.data[f + SUCC] = NONE;
    this.data[f + PRED] = NONE;
    this.data[f + H1] = h1;
    this.data[f + H2] = h2;
    return this.length++;
  }
}

/**
 * Distinct k-grams, by their 64-bit hash: open addressing (linear probing) over one Int32Array of slots of four
 * (h1, h2, id + 1, unused: a slot never spans two cache lines), grown at half load, so memory is a few bytes per
 * distinct k-gram rather than a Map entry, and a lookup one memory access.
 */
class KgramIndex {
  private slots: Int32Array;
  private mask: number;
  private bits: number;
  size = 0;
  constructor(expected: number) {
    this.bits = Math.max(10, Math.ceil(Math.log2(Math.max(1, expected) * 2)));
    this.slots = new Int32Array(4 << this.bits);
    this.mask = (1 << this.bits) - 1;
  }
  private slot(h1: number): number {
    return Math.imul(h1, 0x9e3779b1) >>> (32 - this.bits);
  }
  /** The id of the k-gram with hashes (h1, h2), a new one if it was not seen. */
  idOf(h1: number, h2: number): number {
    const slots = this.slots;
    let s = this.slot(h1);
    for (;;) {
      const at = s << 2;
      const id = slots[at + 2]!; // id + 1; 0 marks an empty slot
      if (id === 0) break;
      if (slots[at] === h1 && slots[at + 1] === h2) return id - 1;
      s = (s + 1) & this.mask;
    }
    const at = s << 2;
    slots[at] = h1;
    slots[at + 1] = h2;
    slots[at + 2] = ++this.size;
    if (this.size * 2 > this.mask + 1) this.grow();
    return this.size - 1;
  }
  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.slots = new Int32Array(4 << this.bits);
    this.mask = (1 << this.bits) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 2] === 0) continue;
      let s = this.slot(old[at]!);
      while (this.slots[(s << 2) + 2] !== 0) s = (s + 1) & this.mask;
      this.slots.set(old.subarray(at, at + 4), s << 2);
    }
  }
}

/** MurmurHash3's finaliser: every bit of a hash moves every bit of the word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Odd multipliers of the two rolling hashes (FNV's prime and MurmurHash2's constant). */
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

const NONE = -1; // successor or predecessor not seen yet
const MANY = -2; // different ones at different places (or the plan's edge)

/** A k-gram's flags in `findPassages` step 3. */
const SHARED = 1;
const COVERED = 2;
const JOINED = 4;

/**
 * A passage as `findPassages` finds it: its matching form and the plans printing it, without its places in the
 * blocks (those are computed per plan, by `placeOccurrences`, only where a page needs them).
 */
export interface FoundPassage {
  /** 1-based rank, as in {@link TextReuse.passages}. */
  rank: number;
  /** The passage in matching form. */
  key: string;
  /** Distinct plans printing it (indexes of the input), in input order. */
  plans: number[];
  /** For each of `plans`, where its first occurrence there starts (offset in that plan's matching form). */
  firstFrom: number[];
}

/** One occurrence of a found passage in a plan, in the plan's matching form (end exclusive). */
export interface FoundOccurrence {
  from: number;
  to: number;
  passage: FoundPassage;
}

/** A plan's counts and its occurrences of shared passages, in reading order. */
export interface FoundPlan {
  slug: string;
  chars: number;
  sharedChars: number;
  repeatedChars: number;
  share: number;
  found: FoundOccurrence[];
  /** For each text unit, one past the last of its characters in the plan's matching form. */
  unitEnd: Int32Array;
}

/** The passages of a corpus and where each plan prints them (steps 1–3 of the method; no block offsets yet). */
export interface FoundReuse {
  k: number;
  inputs: readonly ReuseInput[];
  /** In input order. */
  plans: FoundPlan[];
  /** By rank: most plans first, then longest, then first seen. */
  passages: FoundPassage[];
}

/** Finds the passages shared between plans and each plan's share of reused text. */
export function findTextReuse(inputs: readonly ReuseInput[], k = REUSE_K): TextReuse {
  const found = findPassages(inputs, k);
  const passages: SharedPassage[] = found.passages.map((f) => ({ rank: f.rank, key: f.key, text: [], plans: [], occurrences: [] }));
  const plans = new Map<string, PlanReuse>();
  found.plans.forEach((fp, p) => {
    const { slug, chars, sharedChars, repeatedChars, share } = fp;
    const reuse: PlanReuse = { slug, chars, sharedChars, repeatedChars, share, occurrences: [] };
    plans.set(slug, reuse);
    for (const { found: f, occurrence, text } of placeOccurrences(found, p)) {
      const passage = passages[f.passage.rank - 1]!;
      if (passage.occurrences.length === 0) passage.text = text();
      if (passage.plans.at(-1) !== slug) passage.plans.push(slug);
      passage.occurrences.push(occurrence);
      reuse.occurrences.push({ passage, occurrence });
    }
  });
  return { k, plans, passages };
}

/**
 * Steps 1–3: every plan's matching form, the index of its k-grams, the passages and each plan's counts. Linear in
 * the corpus; what is per plan after it (`placeOccurrences`) can be done for the plans that need it only.
 */
export function findPassages(inputs: readonly ReuseInput[], k = REUSE_K): FoundReuse {
  // 1. Matching forms, without offsets (those are computed per plan, only where passages are), and where each unit ends.
  const unitEnds: Int32Array[] = [];
  const texts = inputs.map((p) => {
    const forms = p.units.map((u) => matchText(u.text));
    const ends = new Int32Array(forms.length);
    let end = 0;
    forms.forEach((f, i) => (ends[i] = end += f.length));
    unitEnds.push(ends);
    return forms.join('');
  });
  const totalKgrams = texts.reduce((n, t) => n + Math.max(0, t.length - k + 1), 0);

  // 2. Every k-gram's id; per id: plans, places, the last plan seen, the one successor and predecessor.
  const powers = { b1: 1, b2: 1 }; // B1^k, B2^k (mod 2^32): the weight of the character leaving the window
  for (let j = 0; j < k; j++) {
    powers.b1 = Math.imul(powers.b1, B1);
    powers.b2 = Math.imul(powers.b2, B2);
  }
  const index = new KgramIndex(Math.min(totalKgrams, 1 << 22));
  const posId = new Int32Array(totalKgrams);
  const planStart = new Int32Array(inputs.length + 1);
  const kgrams = new KgramFields();
  let at = 0;
  texts.forEach((text, p) => {
    planStart[p] = at;
    let prev = MANY; // the plan's start: the first k-gram has no predecessor here
    // Two polynomial hashes of the k characters ending at `e`, rolled one character on (the entering one added, the
    // leaving one taken out: one step per character, not k), each finished by a mixer for the table's slots.
    let r1 = 0;
    let r2 = 0;
    for (let e = 0; e < text.length; e++) {
      const c = text.charCodeAt(e);
      r1 = (Math.imul(r1, B1) + c) | 0;
      r2 = (Math.imul(r2, B2) + c) | 0;
      if (e >= k) {
        const gone = text.charCodeAt(e - k);
        r1 = (r1 - Math.imul(gone, powers.b1)) | 0;
        r2 = (r2 - Math.imul(gone, powers.b2)) | 0;
      }
      if (e < k - 1) continue;
      const h1 = fmix32(r1);
      let h2 = r2 ^ (r2 >>> 15);
      h2 = Math.imul(h2, 0x2c1b3c6d);
      h2 ^= h2 >>> 12;
      h2 = Math.imul(h2, 0x297a2d39);
      h2 ^= h2 >>> 15;
      // Most k-grams follow the one before as they do everywhere else (text printed alike): the one successor seen so
      // far, if its hashes are these, is this k-gram, without a lookup in the index (a random memory access).
      let d = kgrams.data;
      const next = prev >= 0 ? d[prev * FIELDS + SUCC]! : NONE;
      let id: number;
      if (next >= 0 && d[next * FIELDS + H1] === h1 && d[next * FIELDS + H2] === h2) id = next;
      else {
        id = index.idOf(h1, h2);
        if (id === kgrams.length) {
          kgrams.add(h1, h2);
          d = kgrams.data; // grown, maybe
        }
      }
      const f = id * FIELDS;
      if (d[f + LAST_PLAN] !== p) {
        d[f + LAST_PLAN] = p;
        d[f + PLANS]!++;
      }
      d[f + PLACES]!++;
      link(d, f + PRED, prev);
      if (prev >= 0) link(d, prev * FIELDS + SUCC, id);
      posId[at++] = id;
      prev = id;
    }
    if (prev >= 0) kgrams.data[prev * FIELDS + SUCC] = MANY; // the plan's end
  });
  planStart[inputs.length] = at;

  // 3. Passages: each run starts where the k-gram before does not always lead to this one. A passage is found at
  // its first occurrence and keyed by its first k-gram, whose every occurrence starts the same passage.
  // Each k-gram's part in that, as flags in one byte (a byte per distinct k-gram stays in the processor's cache,
  // where its fields would not): in another plan (SHARED), in another plan or place (COVERED), and always after the
  // same k-gram, which is always followed by it (JOINED: it continues that k-gram's passage wherever it occurs).
  const d = kgrams.data;
  const flags = new Uint8Array(kgrams.length);
  for (let id = 0, f = 0; id < kgrams.length; id++, f += FIELDS) {
    const before = d[f + PRED]!;
    flags[id] =
      (d[f + PLANS]! >= 2 ? SHARED | COVERED : d[f + PLACES]! >= 2 ? COVERED : 0) | (before >= 0 && d[before * FIELDS + SUCC] === id ? JOINED : 0);
  }
  const found: FoundPassage[] = [];
  const passageOf = new Int32Array(kgrams.length).fill(-1); // k-gram id → index in `found` of the passage it starts
  // By index in `found`: the last plan the passage was seen in (a typed array: read at each of 3·10⁶ occurrences).
  const lastPlanOf = new Int32Array(kgrams.length);
  // Each passage's plans and first places, made after the scan at their sizes (pushed one by one, 3·10⁶ times, they
  // were a tenth of the passages' time): how many plans, and (passage, plan, first place) in plan order.
  const planCount = new Int32Array(kgrams.length);
  const firsts = new IntList();
  const foundPlans = inputs.map((input, p): FoundPlan => {
    const text = texts[p]!;
    const base = planStart[p]!;
    const n = planStart[p + 1]! - base;
    const occurrences: FoundOccurrence[] = [];
    // Characters covered by a shared k-gram, and by a shared or repeated one, counted as unions of the windows
    // [i, i + k) swept in order (a repeated character is one of the second union not in the first).
    let sharedChars = 0;
    let sharedEnd = 0;
    let coveredChars = 0;
    let coveredEnd = 0;
    for (let i = 0; i < n; i++) {
      const id = posId[base + i]!;
      const flag = flags[id]!;
      if (flag & SHARED) {
        sharedChars += i + k - Math.max(i, sharedEnd);
        sharedEnd = i + k;
      }
      if (flag & COVERED) {
        coveredChars += i + k - Math.max(i, coveredEnd);
        coveredEnd = i + k;
      }
      // A JOINED k-gram is never a plan's first (its predecessor there is the plan's edge).
      if (!(flag & SHARED) || flag & JOINED) continue;
      let j = i + 1;
      while (j < n && flags[posId[base + j]!]! & JOINED) j++;
      let at = passageOf[id]!;
      if (at < 0) {
        at = passageOf[id] = found.push({ rank: 0, key: text.slice(i, j - 1 + k), plans: [], firstFrom: [] }) - 1;
        lastPlanOf[at] = -1;
      }
      const passage = found[at]!;
      if (lastPlanOf[at] !== p) {
        lastPlanOf[at] = p;
        planCount[at]!++;
        firsts.push(at);
        firsts.push(p);
        firsts.push(i);
      }
      occurrences.push({ from: i, to: j - 1 + k, passage });
    }
    const repeatedChars = coveredChars - sharedChars;
    const share = text.length === 0 ? 0 : sharedChars / text.length;
    return { slug: input.slug, chars: text.length, sharedChars, repeatedChars, share, found: occurrences, unitEnd: unitEnds[p]! };
  });

  for (let at = 0; at < found.length; at++) {
    found[at]!.plans = new Array<number>(planCount[at]!);
    found[at]!.firstFrom = new Array<number>(planCount[at]!);
  }
  planCount.fill(0, 0, found.length);
  for (let f = 0; f < firsts.length; f += 3) {
    const at = firsts.data[f]!;
    const n = planCount[at]!++;
    found[at]!.plans[n] = firsts.data[f + 1]!;
    found[at]!.firstFrom[n] = firsts.data[f + 2]!;
  }
  const passages = found.sort(
    (a, b) => b.plans.length - a.plans.length || b.key.length - a.key.length || a.plans[0]! - b.plans[0]! || a.firstFrom[0]! - b.firstFrom[0]!,
  );
  passages.forEach((x, i) => (x.rank = i + 1));
  return { k, inputs, plans: foundPlans, passages };
}

/** The block (and its unit) where a plan's character `at` of matching form stands. */
export function unitAt(found: FoundReuse, plan: number, at: number): TextUnit {
  return found.inputs[plan]!.units[bisectRight(found.plans[plan]!.unitEnd, at)]!;
}

/**
 * Step 4 for one plan: its occurrences of shared passages with their places in its blocks (offsets in the block's
 * or cell's text), in reading order; `text` gives the occurrence as the plan prints it, one string per unit.
 */
export function placeOccurrences(found: FoundReuse, p: number): { found: FoundOccurrence; occurrence: Occurrence; text: () => string[] }[] {
  const plan = found.plans[p]!;
  if (plan.found.length === 0) return [];
  const input = found.inputs[p]!;
  const form = planOffsets(input.units);
  // Where each unit ends (from step 1), so that a passage is cut into its segments unit by unit rather than character
  // by character (3·10⁶ occurrences at 10,000 plans); it must be where the offset map puts the unit's characters.
  const unitEnd = plan.unitEnd;
  const agrees = form.text.length === plan.chars && form.unit.every((ui, c) => c < unitEnd[ui]! && (ui === 0 || c >= unitEnd[ui - 1]!));
  if (!agrees) throw new Error(`text reuse: the matching form of ${input.slug} differs between passes`);
  return plan.found.map((f) => {
    const segments: Segment[] = [];
    const segmentUnits: number[] = [];
    for (let c = f.from; c < f.to; ) {
      const ui = form.unit[c]!;
      const last = Math.min(f.to, unitEnd[ui]!) - 1;
      const u = input.units[ui]!;
      segments.push({ blockId: u.blockId, cell: u.cell, start: form.start[c]!, end: form.end[last]! });
      segmentUnits.push(ui);
      c = last + 1;
    }
    const text = () =>
      segments.map((s, i) => {
        const u = input.units[segmentUnits[i]!]!;
        return u.text.slice(s.start - u.offset, s.end - u.offset);
      });
    return { found: f, occurrence: { slug: input.slug, from: f.from, to: f.to, segments }, text };
  });
}

/** Records `value` as the one successor (or predecessor) in the field at `at`, or MANY once two differ. */
function link(fields: Int32Array, at: number, value: number): void {
  const seen = fields[at]!;
  if (seen === NONE) fields[at] = value;
  else if (seen !== value) fields[at] = MANY;
}
