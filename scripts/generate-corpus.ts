/**
 * `node scripts/generate-corpus.ts --count 100 --out DIR [--seed 1]`
 *
 * Writes a synthetic corpus for the benchmark: new plans made by recombining the headings, paragraphs and target
 * sentences of the real seeds, with new regions, periods and numbers. Deterministic: the same count and seed give
 * byte-identical files. The texts follow the seeds' conventions (notice, title, `一、` › `（一）` › `1.` numbering,
 * a pipe table in some plans), so they exercise every stage of the pipeline.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Block } from '../src/schemas/plan.ts';
import { buildPlanDocument } from './pipeline/document.ts';
import { toChineseNumeral } from './pipeline/lexicon/numerals.ts';
import { createRandom, type Random } from './lib/random.ts';
import { loadRegistries } from './registries.ts';

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

const PLACE_A = ['东', '西', '南', '北', '新', '青', '云', '松', '兴', '安', '永', '宁', '长', '丰', '泰', '和', '明', '华', '金', '瑞'];
const PLACE_B = ['江', '湖', '山', '河', '林', '川', '原', '阳', '平', '城', '海', '谷', '桥', '州', '台', '溪', '岭', '洲', '田', '港'];
const LEVEL = ['区', '县', '市'];

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
  const region = `${rnd.pick(PLACE_A)}${rnd.pick(PLACE_B)}${rnd.pick(LEVEL)}`;
  const fiveYear = rnd.chance(0.5);
  const start = fiveYear ? 2021 : rnd.pick([2018, 2020, 2021, 2023]);
  const end = fiveYear ? 2025 : start + 2;
  const title = fiveYear ? `${region}科技创新“十四五”规划` : `${region}科技创新三年行动计划（${start}—${end}年）`;
  const lines: string[] = [];
  if (rnd.chance(0.6)) {
    lines.push(`${region}人民政府关于印发${title}的通知`, '各有关单位：', `现将《${title}》印发给你们，请认真贯彻执行。`, `${start}年${rnd.int(1, 12)}月${rnd.int(1, 28)}日`, '（此件主动公开）', '');
  }
  lines.push(title, '');
  const sections = rnd.int(3, 6);
  for (let s = 1; s <= sections; s++) {
    lines.push(`${toChineseNumeral(s)}、${rnd.pick(pools.level1)}`);
    const subs = rnd.int(1, 4);
    for (let t = 1; t <= subs; t++) {
      lines.push(`（${toChineseNumeral(t)}）${rnd.pick(pools.level2)}`);
      const items = rnd.chance(0.5) ? rnd.int(1, 4) : 0;
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
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  return collectPools(files.map((name) => buildPlanDocument({ name, path: join(seedsDir, name), bytes: readFileSync(join(seedsDir, name)) }, reg).blocks));
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
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
