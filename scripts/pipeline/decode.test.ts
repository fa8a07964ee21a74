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

describe('firstInvalidUtf8(bytes)', () => {
  test('is -1 for valid text and the offset of the first bad byte otherwise', () => {
    expect(firstInvalidUtf8(utf8('a规划'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe8, 0x61]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe8]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
  });
});
