// GB18030 bytes of a text, from the platform decoder's own table (Node has no GB18030 encoder): the
// two-byte codes cover the Chinese of the example exports. A character outside them becomes "?", as
// Excel's "save as GBK" writes it.
let codes: Map<string, number[]> | undefined;

function table(): Map<string, number[]> {
  if (codes) return codes;
  const decoder = new TextDecoder('gb18030');
  codes = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  return codes;
}

export function gb18030(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table().get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
