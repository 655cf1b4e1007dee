// A declared rating that no band table can give is either dead weight or a band someone forgot.
import type { PolicyRule } from './rule.js';
import { bandTables } from '../model/band-tables.js';
import { declarations } from '../model/ids.js';
import { localized } from '../../i18n/localized-text.js';

export const unreachableRating: PolicyRule = {
  code: 'unreachable-rating',
  check(ctx) {
    const tables = bandTables(ctx.policy);
    if (tables.length === 0) return; // nothing is assessed yet: no rating is reachable, and that is not news
    const reachable = new Set(tables.flatMap((t) => t.bands.map((b) => b.rating)));
    const declared = new Set(
      declarations(ctx.policy)
        .filter((d) => d.kind === 'rating')
        .map((d) => d.id),
    );
    // A band naming an undeclared rating is mid-edit (unknown-id reports it): don't pile on.
    if ([...reachable].some((r) => r !== undefined && !declared.has(r))) return;
    for (const site of declarations(ctx.policy)) {
      if (site.kind !== 'rating' || reachable.has(site.id)) continue;
      ctx.report({
        code: 'unreachable-rating',
        severity: 'warning',
        path: site.path,
        message: localized('评级 “{id}” 已声明，但没有任何档位会给出它', "Rating ''{id}'' is declared but no band ever gives it", { id: site.id }),
      });
    }
  },
};
