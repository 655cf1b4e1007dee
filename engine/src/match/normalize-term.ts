// The normalized form of a term: what the matcher compares against. Shared by the validator's term
// rules (duplicate-term, empty-term, allowed-term) so "duplicate after normalization" means exactly
// what the matcher will do.
import { Converter } from 'opencc-js/t2cn';
import type { NormalizeOptions } from './normalize-options.js';

/** Default noise: white space, ASCII and CJK punctuation, symbols, zero-width and bidi controls, variation selectors. */
const DEFAULT_NOISE = /[\s\p{P}\p{S}\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F]/u;

const DIGITS: Record<string, string> = {};
const add = (chars: string, start = 1) => [...chars].forEach((ch, i) => { DIGITS[ch] = String((start + i) % 10); });
add('①②③④⑤⑥⑦⑧⑨');
add('⑴⑵⑶⑷⑸⑹⑺⑻⑼');
add('⓵⓶⓷⓸⓹⓺⓻⓼⓽');
add('⒈⒉⒊⒋⒌⒍⒎⒏⒐');
add('一二三四五六七八九');
add('壹贰叁肆伍陆柒捌玖');
add('壹貳參肆伍陸柒捌玖');
add('⁰¹²³⁴⁵⁶⁷⁸⁹', 0);
add('₀₁₂₃₄₅₆₇₈₉', 0);
for (const zero of '〇零⓪⓿') DIGITS[zero] = '0';

let toSimplified: ((text: string) => string) | undefined;
const simplifiedCache = new Map<string, string>();

function simplified(ch: string): string {
  const cached = simplifiedCache.get(ch);
  if (cached !== undefined) return cached;
  const convert = (toSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  const out = convert(ch);
  simplifiedCache.set(ch, out);
  return out;
}

export function normalizeChar(ch: string, options: NormalizeOptions): string {
  let c = ch;
  if (options.width) {
    const code = c.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) c = ' ';
  }
  if (options.case) c = c.toLowerCase();
  if (options.digits && DIGITS[c] !== undefined) c = DIGITS[c]!;
  if (options.traditional && c.codePointAt(0)! >= 0x3400) c = simplified(c);
  return c;
}

export function isNoise(ch: string, options: NormalizeOptions): boolean {
  if (options.skip === false) return false;
  if (options.skip === true) return DEFAULT_NOISE.test(ch);
  return options.skip.includes(ch);
}

export function normalizeTerm(term: string, options: NormalizeOptions): string {
  let out = '';
  let previous = '';
  for (const ch of term) {
    if (isNoise(ch, options)) continue;
    const c = normalizeChar(ch, options);
    if (options.repeats && c === previous) continue;
    out += c;
    previous = c;
  }
  return out;
}
