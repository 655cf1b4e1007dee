// The normalized form of a term: exactly what the matcher's automaton compares, because it is computed
// with the same per-code-unit table. Shared by the validator's term rules (duplicate-term, empty-term,
// allowed-term) so "duplicate after normalization" means what the matcher will do.
import { NOISE, charTable } from './char-table.js';
import type { NormalizeOptions } from './normalize-options.js';

export function normalizeWith(table: Uint16Array, text: string, repeats: boolean): string {
  let out = '';
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = table[text.charCodeAt(i)]!;
    if (c === NOISE) continue;
    if (repeats && c === previous) continue;
    out += String.fromCharCode(c);
    previous = c;
  }
  return out;
}

export function normalizeTerm(term: string, options: NormalizeOptions): string {
  return normalizeWith(charTable(options), term, options.repeats);
}

/** normalizeTerm for many terms under one option set: the table is looked up once, not per term
 *  (its cache key is the options' JSON, which cost 4% of validating a 40k-term policy). */
export function termNormalizer(options: NormalizeOptions): (term: string) => string {
  const table = charTable(options);
  return (term) => normalizeWith(table, term, options.repeats);
}
