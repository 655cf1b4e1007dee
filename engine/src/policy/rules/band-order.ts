// E4–E6: bands are tried top to bottom, so they must run from the best rating to the worst and the
// main metric's thresholds must fall strictly; otherwise a lower band shadows a higher one.
import { rangeFromOffsets } from '../../diagnostics/range.js';
import type { Fix, TextEdit } from '../../diagnostics/diagnostic.js';
import { nodeAtPath } from '../paths.js';
import type { LoadedPolicy } from '../load.js';
import type { PolicyRule } from './rule.js';
import { bandTables, declaredRatings, dimensionText, metricName, ratingLabel, type BandTable } from '../model/band-tables.js';
import { localized } from '../../i18n/localized-text.js';

export const bandOrder: PolicyRule = {
  code: 'band-order',
  check(ctx) {
    const ratings = declaredRatings(ctx.policy);
    for (const table of bandTables(ctx.policy)) {
      const dim = dimensionText[table.dimension];
      let previous: { rank: number; rating: string } | undefined;
      let previousMain: { value: number; index: number } | undefined;
      let reported = false;
      for (const band of table.bands) {
        const rank = band.rating === undefined ? -1 : ratings.indexOf(band.rating);
        if (rank !== -1 && previous && rank < previous.rank && !reported) {
          reported = true;
          ctx.report({
            code: 'band-order',
            severity: 'error',
            path: [...band.path, 'rating'],
            message: localized(
              '{value}的档位应按评级从高到低排列：“{rating}”比上一档的“{rating2}”高，却排在后面',
              '{value} bands must run from the best rating to the worst: “{rating}” ranks above “{rating2}” but comes after it',
              { value: dim, rating: ratingLabel(ctx.policy, band.rating!), rating2: ratingLabel(ctx.policy, previous.rating) },
            ),
            ...withFix(ctx.loaded, table, ratings),
          });
        }
        if (rank !== -1) previous = { rank, rating: band.rating! };
        const main = band.thresholds.find((t) => t.metric === table.mainMetric);
        if (main) {
          if (previousMain && main.value >= previousMain.value && !reported) {
            reported = true;
            ctx.report({
              code: 'band-order',
              severity: 'error',
              path: main.path,
              message: localized(
                '{value}第 {value2} 档的{mainMetric}下限 {value3} 不低于上一档的 {value4}；下限须从上到下严格递减',
                "{value} band {value2} has {mainMetric} ≥ {value3}, not below the previous band''s {value4}; thresholds must fall strictly from top to bottom",
                { value: dim, value2: band.index + 1, mainMetric: metricName(table.mainMetric), value3: main.value, value4: previousMain.value },
              ),
              ...withFix(ctx.loaded, table, ratings),
            });
          }
          previousMain = { value: main.value, index: band.index };
        }
      }
    }
  },
};

/** Quick fix: reorder the band items by rating rank, then by main threshold (highest first). */
function withFix(loaded: LoadedPolicy, table: BandTable, ratings: string[]): { fix?: Fix } {
  const document = loaded.document;
  if (!document) return {};
  const items = table.bands.map((band) => ({ band, node: nodeAtPath(document, band.path).value }));
  if (items.some((i) => !i.node?.range)) return {};
  const rank = (r: string | undefined) => (r === undefined ? ratings.length : Math.max(0, ratings.indexOf(r)));
  const main = (b: (typeof items)[number]) => b.band.thresholds.find((t) => t.metric === table.mainMetric)?.value ?? -Infinity;
  const sorted = [...items].sort((a, b) => {
    if (a.band.isCatchAll !== b.band.isCatchAll) return a.band.isCatchAll ? 1 : -1;
    return rank(a.band.rating) - rank(b.band.rating) || main(b) - main(a) || a.band.index - b.band.index;
  });
  if (sorted.every((item, i) => item === items[i])) return {};
  const edits: TextEdit[] = items.map((item, i) => {
    const [start, end] = item.node!.range!;
    const source = sorted[i]!.node!.range!;
    return { range: rangeFromOffsets(loaded.lineCounter, start, end), newText: loaded.text.slice(source[0], source[1]) };
  });
  return { fix: { title: localized('按评级从高到低重新排列档位', 'Reorder the bands from best to worst'), edits } };
}
