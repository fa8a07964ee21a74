/**
 * Encode text as GBK, for tests that feed the pipeline GBK files. Node's TextEncoder only writes UTF-8; the
 * table is built once by decoding every GBK double-byte code with TextDecoder('gbk').
 */
let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

/** GBK bytes of `text`; characters GBK lacks become `?`. */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const two = map.get(ch);
      if (two === undefined) out.push(0x3f);
      else out.push(two >> 8, two & 0xff);
    }
  }
  return new Uint8Array(out);
}
