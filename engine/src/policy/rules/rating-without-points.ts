// R1: results feed performance reviews. A rating without a points entry silently scores nothing.
import { isMap } from 'yaml';
import type { Fix } from '../../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../../diagnostics/range.js';
import type { LoadedPolicy } from '../load.js';
import { nodeAtPath } from '../paths.js';
import type { PolicyRule } from './rule.js';
import { declarations } from '../model/ids.js';
import { at, isRec } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

export const ratingWithoutPoints: PolicyRule = {
  code: 'rating-without-points',
  check(ctx) {
    const points = at(ctx.policy, 'outcomes', 'points');
    // No points table at all is missing-setting's to report (once), not one warning per rating.
    if (!isRec(points)) return;
    for (const site of declarations(ctx.policy)) {
      if (site.kind !== 'rating') continue;
      if (isRec(points) && site.id in points) continue;
      ctx.report({
        code: 'rating-without-points',
        severity: 'warning',
        path: site.path,
        message: isRec(points)
          ? localized('评级 “{id}” 在 outcomes.points 中没有对应的加减分（R1）', "Rating ''{id}'' has no entry in outcomes.points (R1)", { id: site.id })
          : localized(
              '评级 “{id}” 没有加减分：请在 outcomes.points 中为每个评级写明绩效分（R1）',
              "Rating ''{id}'' has no points: add outcomes.points with an entry per rating (R1)",
              { id: site.id },
            ),
        ...pointsFix(ctx.loaded, site.id),
      });
    }
  },
};

/** Quick fix: add `<rating>: 0` to outcomes.points (block or flow mapping), when that mapping exists. */
function pointsFix(loaded: LoadedPolicy, rating: string): { fix?: Fix } {
  const document = loaded.document;
  if (!document) return {};
  const map = nodeAtPath(document, ['outcomes', 'points']).value;
  if (!isMap(map) || !map.range) return {};
  const title = localized('在 outcomes.points 中加入 {rating}: 0', 'Add {rating}: 0 to outcomes.points', { rating });
  const at = (offset: number) => rangeFromOffsets(loaded.lineCounter, offset, offset);
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const close = loaded.text.lastIndexOf('}', map.range[1]);
    if (close === -1) return {};
    return { fix: { title, edits: [{ range: at(close), newText: `${map.items.length ? ', ' : ''}${rating}: 0 ` }] } };
  }
  const key = last?.key as { range?: [number, number, number] } | undefined;
  const value = last?.value as { range?: [number, number, number] } | undefined;
  if (!key?.range) return {};
  const lineStart = loaded.text.lastIndexOf('\n', key.range[0] - 1) + 1;
  const indent = loaded.text.slice(lineStart, key.range[0]);
  const end = value?.range?.[1] ?? key.range[1];
  const lineEnd = loaded.text.indexOf('\n', end);
  const insertAt = lineEnd === -1 ? loaded.text.length : lineEnd;
  return { fix: { title, edits: [{ range: at(insertAt), newText: `\n${indent}${rating}: 0` }] } };
}
