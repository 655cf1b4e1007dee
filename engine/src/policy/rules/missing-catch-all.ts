// E4–E6: every member must get a rating, so the last band of a table has no conditions.
import type { Fix } from '../../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../../diagnostics/range.js';
import type { LoadedPolicy } from '../load.js';
import { nodeAtPath } from '../paths.js';
import type { PolicyRule } from './rule.js';
import { bandTables, declaredRatings, dimensionText, type BandTable } from '../model/band-tables.js';
import { isSeq } from 'yaml';
import { localized } from '../../i18n/localized-text.js';

export const missingCatchAll: PolicyRule = {
  code: 'missing-catch-all',
  check(ctx) {
    const ratings = declaredRatings(ctx.policy);
    for (const table of bandTables(ctx.policy)) {
      if (table.bands.length === 0 || table.bands.some((b) => b.isCatchAll)) continue;
      const last = table.bands[table.bands.length - 1]!;
      const worst = ratings[ratings.length - 1];
      const dim = dimensionText[table.dimension];
      ctx.report({
        code: 'missing-catch-all',
        severity: 'error',
        path: last.path,
        message: localized(
          '{value}缺少兜底档：最后一档不应设条件，否则达不到任何一档的成员没有评级{add}',
          '{value} has no catch-all band: the last band must have no conditions, or members who meet none get no rating{add}',
          { value: dim, add: worst ? localized('；请添加 - rating: {worst}', '; add - rating: {worst}', { worst }) : '' },
        ),
        ...(worst ? catchAllFix(ctx.loaded, table, worst) : {}),
      });
    }
  },
};

function catchAllFix(loaded: LoadedPolicy, table: BandTable, worst: string): { fix?: Fix } {
  const document = loaded.document;
  if (!document) return {};
  const seq = nodeAtPath(document, table.path).value;
  if (!isSeq(seq) || !seq.range) return {};
  const lastItem = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  if (!lastItem?.range) return {};
  const title = localized('添加兜底档 rating: {worst}', 'Add the catch-all band rating: {worst}', { worst });
  const at = (offset: number) => rangeFromOffsets(loaded.lineCounter, offset, offset);
  if (seq.flow) {
    const end = lastItem.range[1];
    return { fix: { title, edits: [{ range: at(end), newText: `, { rating: ${worst} }` }] } };
  }
  // Block sequence: a new "- rating: worst" line at the dash column of the last item.
  const itemStart = lastItem.range[0];
  const lineStart = loaded.text.lastIndexOf('\n', itemStart - 1) + 1;
  const dash = loaded.text.lastIndexOf('-', itemStart);
  const indent = loaded.text.slice(lineStart, dash >= lineStart ? dash : itemStart).replace(/\S/g, ' ');
  const valueEnd = lastItem.range[1];
  const lineEnd = loaded.text.indexOf('\n', valueEnd);
  const insertAt = lineEnd === -1 ? loaded.text.length : lineEnd;
  return { fix: { title, edits: [{ range: at(insertAt), newText: `\n${indent}- rating: ${worst}` }] } };
}
