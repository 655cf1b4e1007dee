// N1 N4: an allowed phrase overlapping a match suppresses it. When an allowed phrase lies inside a
// term, every match of the term overlaps it: the term can never be reported.
import { rangeFromOffsets } from '../../diagnostics/range.js';
import { spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { contentTerms } from '../model/terms.js';
import { localized } from '../../i18n/localized-text.js';

export const allowedTerm: PolicyRule = {
  code: 'allowed-term',
  check(ctx) {
    const { terms, allow } = contentTerms(ctx);
    for (const site of terms) {
      if (site.normalized === '') continue;
      const phrase = allow.find((a) => a.normalized !== '' && site.normalized.includes(a.normalized));
      if (!phrase) continue;
      const [s, e] = spanOf(ctx.loaded, phrase.path);
      ctx.report({
        code: 'allowed-term',
        severity: 'error',
        path: site.path,
        message: localized(
          '词语 “{term}” 永远不会被报告：白名单中的 “{phrase}” 包含在其中，每次匹配都会被放行',
          "Term ''{term}'' can never be reported: the allowed phrase ''{phrase}'' lies inside it, so every match is suppressed",
          { term: site.term, phrase: phrase.phrase },
        ),
        related: [{ file: ctx.loaded.file, range: rangeFromOffsets(ctx.loaded.lineCounter, s, e), message: localized('白名单词语', 'allowed phrase') }],
      });
    }
  },
};
