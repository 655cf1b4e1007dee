// A one-character term matches inside ordinary words (干 in 干部, 干净): almost always false alarms.
import type { PolicyRule } from './rule.js';
import { contentTerms } from '../model/terms.js';
import { localized } from '../../i18n/localized-text.js';

export const singleCharTerm: PolicyRule = {
  code: 'single-char-term',
  check(ctx) {
    for (const site of contentTerms(ctx).terms) {
      if ([...site.normalized].length !== 1) continue;
      ctx.report({
        code: 'single-char-term',
        severity: 'warning',
        path: site.path,
        message: localized(
          '单字词 “{term}” 会在许多正常词语中命中（例如“干”出现在“干部”“干净”中），容易误报；建议改用完整的词语',
          "One-character term ''{term}'' matches inside many ordinary words (干 in 干部, 干净) and causes false alarms; use whole words",
          { term: site.term },
        ),
      });
    }
  },
};
