// Ratings, categories and actions are declared once and referenced by id: a second declaration
// with the same id would make every reference ambiguous.
import { rangeFromOffsets } from '../../diagnostics/range.js';
import { spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { declarations, idKindText, type IdSite } from '../model/ids.js';
import { localized } from '../../i18n/localized-text.js';

export const duplicateId: PolicyRule = {
  code: 'duplicate-id',
  check(ctx) {
    const first = new Map<string, IdSite>();
    for (const site of declarations(ctx.policy)) {
      const key = `${site.kind}\u0000${site.id}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, site);
        continue;
      }
      const kind = idKindText[site.kind];
      const [s, e] = spanOf(ctx.loaded, earlier.path);
      ctx.report({
        code: 'duplicate-id',
        severity: 'error',
        path: site.path,
        message: localized(
          '{value}编号 “{id}” 重复声明；编号在 {declaredAt} 中必须唯一',
          "The {value} id ''{id}'' is declared twice; ids in {declaredAt} must be unique",
          { value: kind, id: site.id, declaredAt: kind.declaredAt },
        ),
        related: [
          { file: ctx.loaded.file, range: rangeFromOffsets(ctx.loaded.lineCounter, s, e), message: localized('第一次声明在这里', 'first declared here') },
        ],
      });
    }
  },
};
