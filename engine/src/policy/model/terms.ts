// The content section's terms, each with its path and its normalized form (as the matcher sees it),
// computed once per policy value and shared by the term rules.
import { normalizeOptionsFrom, termNormalizer, type NormalizeOptions } from '../../match/index.js';
import type { Path } from '../paths.js';
import { at, list, str } from './view.js';

export interface TermSite {
  categoryIndex: number;
  categoryId: string;
  term: string;
  normalized: string;
  path: Path;
}

const cache = new WeakMap<object, { terms: TermSite[]; allow: { phrase: string; normalized: string; path: Path }[] }>();

/** Takes anything holding the policy value (a rule context): the cache is keyed on that value. */
export function contentTerms({ policy }: { policy: Record<string, unknown> }) {
  const hit = cache.get(policy);
  if (hit) return hit;
  const content = at(policy, 'content');
  let options: NormalizeOptions;
  try {
    options = normalizeOptionsFrom(content as never);
  } catch {
    options = normalizeOptionsFrom(undefined);
  }
  const normalize = termNormalizer(options);
  const terms: TermSite[] = [];
  list(at(content, 'categories')).forEach((category, categoryIndex) => {
    const categoryId = str(at(category, 'id')) ?? `#${categoryIndex + 1}`;
    list(at(category, 'terms')).forEach((term, i) => {
      if (typeof term !== 'string') return;
      terms.push({ categoryIndex, categoryId, term, normalized: normalize(term), path: ['content', 'categories', categoryIndex, 'terms', i] });
    });
  });
  const allow = list(at(content, 'allow')).flatMap((phrase, i) =>
    typeof phrase === 'string' ? [{ phrase, normalized: normalize(phrase), path: ['content', 'allow', i] as Path }] : [],
  );
  const result = { terms, allow };
  cache.set(policy, result);
  return result;
}
