/**
 * Hostile input: each file either renders exactly its text (lossless, no markup made from text) or stops with
 * an `IngestError` naming the file and line. Fixtures are small real files in tests/fixtures/hostile/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { decodeSeed } from './decode.ts';
import { IngestError } from './errors.ts';
import { expectedLines, findFirstLoss } from './lossless.ts';
import { renderMdx } from './mdx.ts';
import { readBackMdx } from './mdx-readback.ts';

const registries = loadRegistries('seeds', 'content');
const dir = 'tests/fixtures/hostile';

function ingestBytes(name: string, bytes: Uint8Array) {
  return buildPlanDocument({ name, path: `${dir}/${name}`, bytes }, registries);
}

function expectRendersExactly(name: string, bytes: Uint8Array) {
  const doc = ingestBytes(name, bytes);
  const mdx = renderMdx(doc);
  const back = readBackMdx(mdx);
  expect(back.foreign, 'source text must never become markup').toEqual([]);
  expect(findFirstLoss(expectedLines(decodeSeed(bytes, name).text, doc), back.text)).toBeNull();
  return { doc, mdx };
}

function ingestError(name: string, bytes: Uint8Array): IngestError {
  try {
    ingestBytes(name, bytes);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted, an IngestError was expected`);
}

describe('buildPlanDocument() on hostile input', () => {
  test('markup characters, import/export lines and <script> render as text', () => {
    const { doc, mdx } = expectRendersExactly('markup.txt', readFileSync(`${dir}/markup.txt`));
    expect(doc.meta.title?.value).toBe('某区科技创新{试点}行动方案');
    expect(doc.outline.map((n) => n.title)).toEqual(['总体要求{如此}', '“保障”措施']);
    expect(mdx).not.toMatch(/^(import|export) /mu);
    // The tag is escaped (never a raw <script> element) and reads back as the text the source has.
    expect(mdx).toContain('\\<script>');
    expect(mdx).not.toMatch(/(^|[^\\])<script/u);
    expect(readBackMdx(mdx).text).toContain('<script>alert(1)</script> 这是正文里的脚本标签');
  });

  test('a 200,000-character line renders whole', () => {
    const line = '加快科技创新，推动高质量发展。'.repeat(13334).slice(0, 200_000);
    const { doc } = expectRendersExactly('long.txt', new TextEncoder().encode(`某市科技创新规划\n一、总体要求\n${line}\n`));
    const last = doc.blocks.at(-1)!;
    expect(last.kind === 'paragraph' ? last.text.length : 0).toBe(200_000);
  });

  test('a GBK file is decoded and renders exactly', () => {
    const { doc } = expectRendersExactly('gbk.txt', readFileSync(`${dir}/gbk.txt`));
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.meta.title?.value).toBe('某县科技创新“十四五”规划');
    expect(doc.stats.headings).toEqual([2, 2, 0, 0, 0, 0]);
  });

  test('a UTF-16 file with its byte-order mark (Notepad\'s "Unicode", CRLF) is decoded and renders exactly, a character outside the BMP whole', () => {
    const { doc } = expectRendersExactly('utf16le.txt', readFileSync(`${dir}/utf16le.txt`));
    expect(doc.source.encoding).toBe('utf-16le-bom');
    expect(doc.meta.title?.value).toBe('某县科技创新“十四五”规划');
    expect(doc.stats.headings).toEqual([2, 2, 0, 0, 0, 0]);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === '支持𬳽城科技园区建设。')).toBe(true);
    // The same plan as the GBK fixture, read from big-endian UTF-16.
    const be = expectRendersExactly('utf16be.txt', readFileSync(`${dir}/utf16be.txt`)).doc;
    const gbk = expectRendersExactly('gbk.txt', readFileSync(`${dir}/gbk.txt`)).doc;
    expect(be.source.encoding).toBe('utf-16be-bom');
    expect(be.blocks).toEqual(gbk.blocks);
  });

  test('a UTF-16 file cut at an odd byte stops with its name, line and byte offset', () => {
    expect(ingestError('utf16-cut.txt', readFileSync(`${dir}/utf16-cut.txt`)).message).toMatchInlineSnapshot(`
      "tests/fixtures/hostile/utf16-cut.txt:3: a lone byte at byte offset 34 of a UTF-16 file (byte-order mark FF FE)
        hint: save the file again as UTF-8 (or as UTF-16 whole), or remove it if it is not a plan text"
    `);
  });

  test('a web page saved as HTML source stops with its name and line, instead of its head becoming the title', () => {
    expect(ingestError('html-page.txt', readFileSync(`${dir}/html-page.txt`)).message).toMatchInlineSnapshot(`
      "tests/fixtures/hostile/html-page.txt:1: the file is a web page's HTML source (it starts with "<!DOCTYPE html"), not the text of a plan
        hint: save the plan as text: open the page in a browser, copy the plan’s text into a .txt file (UTF-8) and put that in seeds/"
    `);
  });

  test('an empty file stops with its name and line', () => {
    expect(ingestError('empty.txt', readFileSync(`${dir}/empty.txt`)).message).toMatchInlineSnapshot(`
      "tests/fixtures/hostile/empty.txt:1: the file is empty
        hint: put the plan text in the file or remove it from seeds/"
    `);
  });

  test('a binary file stops with its name and the byte offset', () => {
    expect(ingestError('binary.txt', readFileSync(`${dir}/binary.txt`)).message).toMatchInlineSnapshot(`
      "tests/fixtures/hostile/binary.txt (byte 0): byte 0x89 at offset 0 is neither UTF-8 nor part of readable GB18030/GBK text
        hint: save the file as UTF-8 (iconv -f <encoding> -t UTF-8), or remove it if it is not a plan text"
    `);
  });

  test('a file with no recognisable title renders, with no title guessed', () => {
    const { doc } = expectRendersExactly('no-title.txt', readFileSync(`${dir}/no-title.txt`));
    expect(doc.meta.title).toBeNull();
  });
});
