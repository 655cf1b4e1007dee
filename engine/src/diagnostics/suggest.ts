// "Did you mean …?" for ids, enum values and property names.
import { distance } from 'fastest-levenshtein';
import { localized } from '../i18n/localized-text.js';
import type { LocalizedText } from './diagnostic.js';

/** Candidates close enough to `input` to be a likely typo, best first (at most 3). */
export function suggest(input: string, candidates: readonly string[]): string[] {
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  return candidates
    .map((candidate) => ({ candidate, cost: distance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, cost }) => cost <= limit || candidate.toLowerCase().startsWith(lower) || lower.startsWith(candidate.toLowerCase()))
    .sort((a, b) => a.cost - b.cost || a.candidate.localeCompare(b.candidate))
    .filter((entry, _i, all) => entry.cost === all[0]!.cost)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

export function didYouMean(suggestions: readonly string[]): LocalizedText {
  if (suggestions.length === 0) return localized('', '');
  const list = suggestions.map((s) => `“${s}”`).join('、');
  const listEn = suggestions.map((s) => `'${s}'`).join(', ');
  return localized('；您是不是要写 {list}？', '; did you mean {listEn}?', { list, listEn });
}
