// A band no member can land in: it follows the catch-all band, or an earlier band asks for no more
// on every metric (so everyone who meets this band was already taken by that one).
import { rangeFromOffsets } from '../../diagnostics/range.js';
import { spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { bandTables, declaredRatings, dimensionText, isOutOfOrder, type BandView } from '../model/band-tables.js';
import { localized } from '../../i18n/localized-text.js';

/** `earlier` takes everyone `later` would: no `when`, and each of its thresholds is ≤ later's on the same metric. */
function shadows(earlier: BandView, later: BandView): boolean {
  if (earlier.when !== undefined || earlier.malformed || later.malformed) return false;
  return earlier.thresholds.every((t) => {
    const other = later.thresholds.find((o) => o.metric === t.metric);
    return other !== undefined && t.value <= other.value;
  });
}

export const unreachableBand: PolicyRule = {
  code: 'unreachable-band',
  check(ctx) {
    const ratings = declaredRatings(ctx.policy);
    for (const table of bandTables(ctx.policy)) {
      // An out-of-order table is band-order's to report; its fix (reorder) also settles this.
      if (isOutOfOrder(table, ratings)) continue;
      const dim = dimensionText[table.dimension];
      for (let i = 1; i < table.bands.length; i++) {
        const band = table.bands[i]!;
        const blocker = table.bands.slice(0, i).find((earlier) => shadows(earlier, band));
        if (!blocker) continue;
        const [s, e] = spanOf(ctx.loaded, blocker.path);
        ctx.report({
          code: 'unreachable-band',
          severity: 'error',
          path: band.path,
          message: blocker.isCatchAll
            ? localized(
                '{value}第 {value2} 档永远不会生效：它排在兜底档（第 {value3} 档）之后',
                '{value} band {value2} can never apply: it comes after the catch-all band (band {value3})',
                { value: dim, value2: i + 1, value3: blocker.index + 1 },
              )
            : localized(
                '{value}第 {value2} 档永远不会生效：满足它的成员都已被第 {value3} 档（条件更宽）选中',
                '{value} band {value2} can never apply: every member who meets it already meets band {value3}, which has looser conditions',
                { value: dim, value2: i + 1, value3: blocker.index + 1 },
              ),
          related: [
            { file: ctx.loaded.file, range: rangeFromOffsets(ctx.loaded.lineCounter, s, e), message: localized('被这一档挡住', 'shadowed by this band') },
          ],
        });
      }
    }
  },
};
