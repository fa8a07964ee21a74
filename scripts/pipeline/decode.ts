/**
 * Stage 1: bytes → text. UTF-8 (with or without BOM), UTF-16 with its byte-order mark, or GB18030/GBK, detected;
 * anything else stops the run with the file name and the byte offset of the first byte that cannot be decoded. A
 * file that is a web page's HTML source rather than its text stops too, naming the line.
 */
import { IngestError } from './errors.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Control characters other than tab, line feed, form feed and carriage return mark a binary file. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u;
const HAN = /\p{Script=Han}/gu;

/**
 * A web page saved as it was served (`<!DOCTYPE html>` or `<html>` before any text): its markup is not the plan's
 * text, and read as text it would put the page's whole head into the title. (Markup inside a plan's text is text,
 * shown as such: tests/fixtures/hostile/markup.txt.)
 */
const HTML_PAGE = /^\s*<(?:!doctype\s+html|html)(?=[\s>])/iu;

function checkText(text: string, file: string, encoding: Encoding): void {
  const page = HTML_PAGE.exec(text.replace(/^\ufeff/u, ''));
  if (page) {
    const line = page[0].split('\n').length;
    throw new IngestError(
      `${file}:${line}`,
      `the file is a web page's HTML source (it starts with "${page[0].trim()}"), not the text of a plan`,
      'save the plan as text: open the page in a browser, copy the plan’s text into a .txt file (UTF-8) and put that in seeds/',
    );
  }
  const m = CONTROL.exec(text);
  if (m) {
    const line = text.slice(0, m.index).split('\n').length;
    throw new IngestError(
      `${file}:${line}`,
      `control character U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()} in ${encoding} text: this looks like a binary file, not a plan text`,
      'seeds/ holds plain-text plans only; remove the file or replace it with the text of the plan',
    );
  }
}

/** Decode a seed file. `file` is used in error messages (`seeds/x.txt`). */
export function decodeSeed(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) {
    throw new IngestError(`${file}:1`, 'the file is empty', 'put the plan text in the file or remove it from seeds/');
  }
  const utf16 = decodeUtf16(bytes, file);
  if (utf16 !== null) {
    checkText(utf16.text, file, utf16.encoding);
    return utf16;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    checkText(text, file, bom ? 'utf-8-bom' : 'utf-8');
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  }
  // Not UTF-8: Chinese portals often serve GBK; GB18030 is its superset. Accept it only if it decodes
  // cleanly and reads as Chinese, so that random bytes are not taken for text.
  let gb: string | null = null;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    gb = null;
  }
  if (gb !== null && !CONTROL.test(gb)) {
    const han = gb.match(HAN)?.length ?? 0;
    const visible = gb.replace(/[\s\x21-\x7e]/gu, '').length;
    if (han > 0 && han >= visible * 0.6) {
      checkText(gb, file, 'gb18030');
      return { text: gb, encoding: 'gb18030' };
    }
  }
  throw new IngestError(
    `${file} (byte ${bad})`,
    `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad} is neither UTF-8 nor part of readable GB18030/GBK text`,
    'save the file as UTF-8 (iconv -f <encoding> -t UTF-8), or remove it if it is not a plan text',
  );
}

/**
 * UTF-16 with its byte-order mark (FF FE little-endian, FE FF big-endian: Windows Notepad's "Unicode"), or null for a
 * file without one: UTF-16 is taken only when the file says so. A UTF-16 file cut at an odd byte or holding a lone
 * surrogate stops at the line and byte offset of the first bad code unit.
 */
function decodeUtf16(bytes: Uint8Array, file: string): DecodedText | null {
  const little = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!little && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const encoding = little ? 'utf-16le-bom' : 'utf-16be-bom';
  const unit = (i: number) => (little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let line = 1;
  for (let i = 2; i < bytes.length; i += 2) {
    // Named by line (counted in code units: a byte 0x0A is not a line feed here) and byte offset.
    const bad = (what: string) =>
      new IngestError(`${file}:${line}`, `${what} at byte offset ${i} of a UTF-16 file (byte-order mark ${little ? 'FF FE' : 'FE FF'})`, 'save the file again as UTF-8 (or as UTF-16 whole), or remove it if it is not a plan text');
    if (i + 1 >= bytes.length) throw bad('a lone byte');
    const u = unit(i);
    if (u === 0x0a) line++;
    else if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length || unit(i + 2) < 0xdc00 || unit(i + 2) > 0xdfff) throw bad(`a high surrogate 0x${u.toString(16)} without its pair`);
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) throw bad(`a low surrogate 0x${u.toString(16)} without its pair`);
  }
  return { text: new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(bytes), encoding };
}
