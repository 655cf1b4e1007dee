// Every referenced rating, category and action must be declared; a typo gets a suggestion and a fix.
import { didYouMean, suggest } from '../../diagnostics/suggest.js';
import { replaceFix, spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { declarations, idKindText, references } from '../model/ids.js';
import { asWritten, listOf, localized } from '../../i18n/localized-text.js';

export const unknownId: PolicyRule = {
  code: 'unknown-id',
  check(ctx) {
    const declared = declarations(ctx.policy);
    for (const site of references(ctx.policy)) {
      const known = declared.filter((d) => d.kind === site.kind).map((d) => d.id);
      if (known.includes(site.id)) continue;
      // A malformed id (Good, 优秀) is the schema's invalid-format; one diagnostic per mistake.
      if (!/^[a-z][a-z0-9-]*$/.test(site.id)) continue;
      const kind = idKindText[site.kind];
      const suggestions = suggest(site.id, known);
      const hint = didYouMean(suggestions);
      const target = site.isKey ? 'key' : 'value';
      const span = spanOf(ctx.loaded, site.path, target);
      ctx.report({
        code: 'unknown-id',
        severity: 'error',
        path: site.path,
        target,
        suggestions,
        message: localized('未声明的{value}编号 “{id}”{value2}', "Unknown {value} id ''{id}''{value2}", {
          value: kind,
          id: site.id,
          value2: hint.en
            ? hint
            : localized('；已声明：{known}', '; declared: {known}', {
                known: known.length ? listOf(known.map((id) => asWritten(id))) : localized('（无）', '(none)'),
              }),
        }),
        ...(suggestions[0]
          ? { fix: replaceFix(ctx.loaded, span, suggestions[0], localized('改为 “{value}”', "Change to ''{value}''", { value: suggestions[0] })) }
          : {}),
      });
    }
  },
};
