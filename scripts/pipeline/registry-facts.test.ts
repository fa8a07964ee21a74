/**
 * The corrections of issue 13 to content/glossary.yaml and content/documents.yaml. Every expectation is written
 * from the check against public sources (the official wording, numbers and dates quoted there), not from
 * the registries: a registry edit that brings back a paraphrase, a wrong date or an invented name fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Term } from '../../src/schemas/glossary.ts';
import type { CitedDocument } from '../../src/schemas/documents.ts';
import { citedDocumentViews } from '../../src/lib/crosslinks/documents.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
const term = (id: string): Term => {
  const t = reg.glossary.find((x) => x.id === id);
  if (!t) throw new Error(`no glossary term ${id}`);
  return t;
};
const document = (id: string): CitedDocument => {
  const d = reg.documents.find((x) => x.id === id);
  if (!d) throw new Error(`no cited document ${id}`);
  return d;
};

describe('glossary definitions quote the official texts', () => {
  test('新型研发机构 quotes 国科发政〔2019〕313号 and cites it', () => {
    const t = term('xinxing-yanfa-jigou');
    expect(t.definition?.text).toMatch(/“[^”]*主要从事科学研究、技术创新和研发服务[^”]*”/u);
    expect(t.definition?.source).toContain('国科发政〔2019〕313号');
  });
  test('科技成果转化 quotes Article 2 as amended in 2015, not the 1996 wording', () => {
    const t = term('keji-chengguo-zhuanhua');
    expect(t.definition?.text).toContain('“对科技成果所进行的后续试验、开发、应用、推广直至形成新技术、新工艺、新材料、新产品，发展新产业等活动”');
    // The 1996 text listed 新产品、新工艺、新材料 and had no 新技术.
    expect(t.definition?.text).not.toContain('直至形成新产品');
    expect(t.definition?.source).toContain('第二条');
    expect(t.definition?.source).toContain('2015年');
  });
  test('863计划: proposed and approved in 1986, named after March 1986, implemented from 1987', () => {
    const t = term('guojia-863-jihua');
    expect(t.definition?.text).toContain('1986年3月');
    expect(t.definition?.text).toMatch(/1987年开始实施/u);
    expect(t.definition?.text).not.toContain('当年启动');
    // The published accounts the dates come from.
    expect(t.definition?.source).toContain('《百年潮》2006年第4期');
    expect(t.definition?.source).toContain('http://hprc.cssn.cn/');
  });
});

describe('unconfirmed claims are gone', () => {
  test('大学科技园 carries no document number 117号', () => {
    expect(JSON.stringify(term('daxue-kejiyuan'))).not.toContain('117号');
  });
  test('科技领军企业 makes no claim about what support it receives', () => {
    const t = term('keji-lingjun-qiye');
    // Every definition the term has, whatever the region.
    const texts = [t.definition?.text ?? '', ...t.byRegion.map((d) => d.text)].join('');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain('关键技术攻关');
    expect(texts).not.toContain('支持');
  });
  test('the opinion of 中共天津市委 states no issuer', () => {
    expect(document('tianjin-deepening-reform-opinion').issuer).toBeNull();
  });
});

describe('雏鹰 / 瞪羚 / 科技领军: defined by Tianjin’s rules, for Tianjin only', () => {
  // 津科规〔2021〕3号 is Tianjin's; seed 004 (Hebei) uses the words for Hebei's programmes.
  for (const id of ['chuying-qiye', 'dengling-qiye', 'keji-lingjun-qiye']) {
    test(`${id}: one definition, for tianjin, quoting 津科规〔2021〕3号; none that would hold in Hebei`, () => {
      const t = term(id);
      expect(t.definition).toBeUndefined();
      expect(t.byRegion.map((d) => d.region)).toEqual(['tianjin']);
      expect(t.byRegion[0]!.source).toContain('津科规〔2021〕3号');
      expect(t.byRegion[0]!.text).toMatch(/“是指[^”]+”/u);
    });
  }
});

describe('English names without an official or published use', () => {
  // Renderings the check found no published use of: each may stay only marked as the editors' translation.
  const UNPUBLISHED = [/star innovation land/iu, /take the list/iu, /three focuses/iu, /young eagle/iu, /gazelle/iu, /SRDI/u, /specialised, refined/iu];
  test('every term whose English name uses one of them is marked as the editors’ translation', () => {
    const using = reg.glossary.filter((t) => UNPUBLISHED.some((re) => re.test(t.nameEn)));
    // Non-empty guard: 瞪羚 and 三个着力 keep an editors' rendering.
    expect(using.length).toBeGreaterThanOrEqual(2);
    for (const t of using) expect(t.nameEnSource, `${t.id}: ${t.nameEn}`).toBe('editors');
  });
  test('no English name presents them as a quoted, official-looking name', () => {
    for (const t of reg.glossary) {
      expect(t.nameEn, t.id).not.toMatch(/Star Innovation Land|take the list, lead the team|“Young Eagle”|“Gazelle”|\(SRDI\)/u);
    }
  });
  test('each listed term is marked', () => {
    for (const id of ['xingchuang-tiandi', 'jiebang-guashuai', 'san-ge-zhuoli', 'chuying-qiye', 'dengling-qiye', 'zhuanjing-texin']) {
      expect(term(id).nameEnSource, id).toBe('editors');
    }
  });
  test('海河英才 uses the published form “Haihe Talent” and names where it is published', () => {
    const t = term('haihe-yingcai');
    expect(t.nameEn).toContain('Haihe Talent');
    expect(t.nameEn).not.toContain('Haihe Talents');
    expect(t.nameEnSource).toContain('中国日报');
  });
});

describe('天津市科学技术进步促进条例: official title shown, the form 001 cites still recognised', () => {
  const entry = document('tianjin-st-progress-regulation');
  test('the registry title is the official one; the cited form is an alias; the note says so', () => {
    expect(entry.title).toBe('天津市科学技术进步促进条例');
    expect(entry.aliases).toContain('天津市促进科技进步条例');
    expect(entry.note).toContain('天津市科学技术进步促进条例');
    expect(entry.note).toContain('天津市促进科技进步条例');
    expect(entry.source).toContain('第35号');
  });
  test('seed 001, ingested, cites it as 《天津市促进科技进步条例》 and the citation resolves to the entry, shown under the official title', () => {
    const name = Object.keys(reg.catalog).find((n) => n.startsWith('001_'))!;
    const plan = buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(join(ROOT, 'seeds', name)) }, reg);
    const cited = plan.citations.filter((c) => c.title === '天津市促进科技进步条例');
    expect(cited.length).toBe(1);
    expect(cited[0]!.documentKey).toBe('tianjin-st-progress-regulation');
    const view = citedDocumentViews([plan], reg.documents).find((v) => v.key === 'tianjin-st-progress-regulation');
    expect(view?.title).toBe('天津市科学技术进步促进条例');
  });
});

describe('a cited document’s source in English (the English edition) cites what its Chinese cites', () => {
  const cited = reg.documents.filter((d) => d.source !== undefined);
  test('every entry with a source has it in English too', () => {
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((d) => !d.sourceEn).map((d) => d.id)).toEqual([]);
  });
  test.each(cited.map((d) => [d.id, d] as const))('%s: the same addresses and document numbers', (_, d) => {
    const urls = d.source!.match(/https?:\/\/[^\s；，。（）()]+/gu) ?? [];
    const numbers = d.source!.match(/\p{Script=Han}{2}〔\d{4}〕\d+号/gu) ?? [];
    for (const x of [...urls, ...numbers]) expect(d.sourceEn, x).toContain(x);
    // English around them: no Chinese sentence left untranslated (a run of Han longer than a title or name quoted).
    expect(d.sourceEn).toMatch(/[A-Za-z]{3,}/u);
  });
});
