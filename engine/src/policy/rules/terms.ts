// The content section's terms, each with its path and its normalized form (as the matcher sees it),
// computed once per validation and shared by the term rules.
import { normalizeOptionsFrom, termNormalizer } from '../../match/index.js';
import type { Path } from '../paths.js';
import type { RuleContext } from './rule.js';
import { at, list, str } from './view.js';

export interface TermSite {
  categoryIndex: number;
  categoryId: string;
  term: string;
  normalized: string;
  path: Path;
}

const cache = new WeakMap<object, { terms: TermSite[]; allow: { phrase: string; normalized: string; path: Path }[] }>();

export function contentTerms(ctx: RuleContext) {
  const hit = cache.get(ctx.policy);
  if (hit) return hit;
  const content = at(ctx.policy, 'content');
  let options;
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
    typeof phrase === 'string' ? [{ phrase, normalized: normalize(phrase), path: ['content', 'allow', i] as Path }] : []);
  const result = { terms, allow };
  cache.set(ctx.policy, result);
  return result;
}
