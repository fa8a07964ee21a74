import { describe, expect, test } from 'vitest';
import { decodeSeed, firstInvalidUtf8 } from './decode.ts';
import { IngestError } from './errors.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSeed(bytes, file)', () => {
  test('reads UTF-8 without BOM', () => {
    expect(decodeSeed(utf8('一、总体要求\n'), 'x.txt')).toEqual({ text: '一、总体要求\n', encoding: 'utf-8' });
  });
  test('reads UTF-8 with BOM and reports it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('规划')]);
    expect(decodeSeed(bytes, 'x.txt')).toEqual({ text: '规划', encoding: 'utf-8-bom' });
  });
  test('detects and reads GBK/GB18030', () => {
    // 科技创新 in GBK.
    const gbk = new Uint8Array([0xbf, 0xc6, 0xbc, 0xbc, 0xb4, 0xb4, 0xd0, 0xc2]);
    expect(decodeSeed(gbk, 'x.txt')).toEqual({ text: '科技创新', encoding: 'gb18030' });
  });
  test('stops on an empty file, naming it', () => {
    expect(() => decodeSeed(new Uint8Array(), 'seeds/empty.txt')).toThrowErrorMatchingInlineSnapshot(`
      [IngestError: seeds/empty.txt:1: the file is empty
        hint: put the plan text in the file or remove it from seeds/]
    `);
  });
  test('stops on bytes that are neither UTF-8 nor Chinese GB18030, naming the byte offset', () => {
    const bytes = new Uint8Array([...utf8('规划'), 0xff, 0xfe, 0x00, 0x01]);
    expect(() => decodeSeed(bytes, 'seeds/bin.txt')).toThrow(IngestError);
    expect(() => decodeSeed(bytes, 'seeds/bin.txt')).toThrow(/seeds\/bin\.txt \(byte 6\).*offset 6/u);
  });
  test('stops on a binary file that happens to be valid UTF-8 (control characters), naming the line', () => {
    expect(() => decodeSeed(utf8('第一行\n\u0000\u0001binary'), 'seeds/b.txt')).toThrow(/seeds\/b\.txt:2: control character U\+0000/u);
  });
});

describe('decodeSeed on UTF-16 (only with its byte-order mark)', () => {
  const utf16 = (s: string, little: boolean) => {
    const out = [little ? 0xff : 0xfe, little ? 0xfe : 0xff];
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      out.push(...(little ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
    }
    return new Uint8Array(out);
  };
  test('reads little- and big-endian text, a character outside the BMP whole', () => {
    expect(decodeSeed(utf16('科技𬳽\r\n规划', true), 'x.txt')).toEqual({ text: '科技𬳽\r\n规划', encoding: 'utf-16le-bom' });
    expect(decodeSeed(utf16('科技𬳽\r\n规划', false), 'x.txt')).toEqual({ text: '科技𬳽\r\n规划', encoding: 'utf-16be-bom' });
  });
  test('stops on a lone surrogate or a lone last byte, naming the line (counted in code units) and byte offset', () => {
    // 0x0A in a code unit's low byte (U+4E0A 上) is not a line feed.
    expect(() => decodeSeed(utf16('上\n\ud800规划', true), 's.txt')).toThrow(/^s\.txt:2: a high surrogate 0xd800 without its pair at byte offset 6 of a UTF-16 file \(byte-order mark FF FE\)/u);
    expect(() => decodeSeed(utf16('规\udc00', false), 's.txt')).toThrow(/^s\.txt:1: a low surrogate 0xdc00 without its pair at byte offset 4 .*FE FF/u);
    expect(() => decodeSeed(new Uint8Array([...utf16('规划', true), 0x41]), 's.txt')).toThrow(/^s\.txt:1: a lone byte at byte offset 6/u);
  });
  test('without a byte-order mark UTF-16 is not guessed', () => {
    expect(() => decodeSeed(utf16('科技创新规划', true).slice(2), 's.txt')).toThrow(/neither UTF-8 nor part of readable GB18030/u);
  });
});

describe('decodeSeed on a web page saved as HTML source', () => {
  test('stops at the page\'s opening, in any encoding, naming its line', () => {
    expect(() => decodeSeed(utf8('<!DOCTYPE html>\n<html><body>规划</body></html>'), 'p.txt')).toThrow(/^p\.txt:1: the file is a web page's HTML source \(it starts with "<!DOCTYPE html"\)/u);
    expect(() => decodeSeed(utf8('\ufeff\n\n  <HTML lang="zh">\n规划'), 'p.txt')).toThrow(/^p\.txt:3: .*HTML source \(it starts with "<HTML"\)/u);
    // <html> in GBK: 规划 after it.
    expect(() => decodeSeed(new Uint8Array([...utf8('<html>'), 0xb9, 0xe6, 0xbb, 0xae]), 'p.txt')).toThrow(/^p\.txt:1: .*HTML source/u);
  });
  test('markup inside or after a plan\'s text is text, and a word that only starts like the tag is not a page', () => {
    expect(decodeSeed(utf8('某区科技规划\n<html>这一行是正文</html>\n'), 'p.txt').text).toContain('<html>');
    expect(decodeSeed(utf8('<htmlx>规划'), 'p.txt').text).toBe('<htmlx>规划');
  });
});

describe('firstInvalidUtf8(bytes)', () => {
  test('is -1 for valid text and the offset of the first bad byte otherwise', () => {
    expect(firstInvalidUtf8(utf8('a规划'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe8, 0x61]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe8]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
  });
});
