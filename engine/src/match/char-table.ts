// One table lookup per UTF-16 code unit: the normalized code unit, or NOISE for a character the
// matcher steps over inside a match. Built once per option set; no per-character allocation on the
// hot path. Every mapping is one code unit to one code unit, so match offsets map back exactly.
import { T2S_PAIRS } from './t2s-pairs.generated.js';
import type { NormalizeOptions } from './normalize-options.js';

export const NOISE = 0xffff;

// biome-ignore lint/suspicious/noMisleadingCharacterClass: invisible format characters are meant one by one, each as noise.
const DEFAULT_NOISE = /[\s\p{P}\p{S}\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F]/u;

const DIGIT_STYLES: [string, number][] = [
  ['①②③④⑤⑥⑦⑧⑨', 1],
  ['⑴⑵⑶⑷⑸⑹⑺⑻⑼', 1],
  ['⓵⓶⓷⓸⓹⓺⓻⓼⓽', 1],
  ['⒈⒉⒊⒋⒌⒍⒎⒏⒐', 1],
  ['一二三四五六七八九', 1],
  ['壹贰叁肆伍陆柒捌玖', 1],
  ['壹貳參肆伍陸柒捌玖', 1],
  ['⁰¹²³⁴⁵⁶⁷⁸⁹', 0],
  ['₀₁₂₃₄₅₆₇₈₉', 0],
  ['〇零⓪⓿', -1],
];

/** Per-character Traditional → Simplified, from opencc's data (generated at build: t2s-pairs.generated.ts). */
function traditionalToSimplified(table: Uint16Array): void {
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) table[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
}

/** Ideographs and Hangul have no case and are never noise: skipping them makes the table ~5× faster to build. */
function* codeUnitsOutsideIdeographs(): Generator<number> {
  for (let c = 0; c < 65536; c++) {
    if (c === 0x3400) c = 0x4dc0;
    else if (c === 0x4e00) c = 0xa000;
    else if (c === 0xac00) c = 0xd7a4;
    else if (c === 0xf900) c = 0xfb00;
    yield c;
  }
}

const cache = new Map<string, Uint16Array>();

export function charTable(options: NormalizeOptions): Uint16Array {
  const key = JSON.stringify(options);
  const hit = cache.get(key);
  if (hit) return hit;
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  if (options.traditional) traditionalToSimplified(table);
  if (options.width) {
    for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
    table[0x3000] = 0x20;
  }
  if (options.case) {
    for (const c of codeUnitsOutsideIdeographs()) {
      const v = table[c]!;
      if (v >= 0xd800 && v <= 0xdfff) continue;
      const lower = String.fromCharCode(v).toLowerCase();
      if (lower.length === 1) table[c] = lower.charCodeAt(0);
    }
  }
  if (options.digits) {
    for (const [chars, first] of DIGIT_STYLES) {
      [...chars].forEach((ch, i) => {
        table[ch.charCodeAt(0)] = 0x30 + (first === -1 ? 0 : (first + i) % 10);
      });
    }
  }
  if (options.skip !== false) {
    const noise = options.skip === true ? undefined : new Set(options.skip);
    for (const c of codeUnitsOutsideIdeographs()) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates are never noise: they carry emoji and rare CJK
      const ch = String.fromCharCode(c);
      if (noise ? noise.has(ch) : DEFAULT_NOISE.test(ch)) table[c] = NOISE;
    }
  }
  cache.set(key, table);
  return table;
}
