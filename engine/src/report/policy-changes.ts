// What changed in a policy between two archived months, in words a training manager reads: the band
// thresholds per rating (changed, added, removed), a band's condition, the overall weights and the points.
// A fall in ratings after a stricter threshold must read as the policy's doing, not the learners'.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { asWritten, localized } from '../i18n/localized-text.js';
import { bandTables, dimensionText } from '../policy/model/band-tables.js';
import { METRICS } from '../policy/model/catalogue.generated.js';
import { at, isRec } from '../policy/model/view.js';

function ratingNames(policy: unknown): Map<string, LocalizedText> {
  const ratings = at(policy, 'ratings');
  const names = new Map<string, LocalizedText>();
  if (Array.isArray(ratings))
    for (const r of ratings)
      if (isRec(r) && typeof r.id === 'string')
        names.set(r.id, asWritten(typeof r.label === 'string' ? r.label : r.id, typeof r.labelEn === 'string' ? r.labelEn : r.id));
  return names;
}

const metricName = (metric: string): LocalizedText => METRICS[metric]?.label ?? asWritten(metric);

export function policyChanges(before: unknown, after: unknown): LocalizedText[] {
  const changes: LocalizedText[] = [];
  const names = ratingNames(after);
  const rating = (id: string | undefined) => (id === undefined ? asWritten('?') : (names.get(id) ?? asWritten(id)));
  const tablesBefore = new Map(bandTables(before).map((t) => [t.dimension, t]));
  for (const table of bandTables(after)) {
    const old = tablesBefore.get(table.dimension);
    if (!old) continue;
    const dimension = dimensionText[table.dimension];
    for (const band of table.bands) {
      const previous = old.bands.find((b) => b.rating === band.rating);
      if (!previous) continue;
      for (const threshold of band.thresholds) {
        const was = previous.thresholds.find((t) => t.metric === threshold.metric);
        const params = { dimension, rating: rating(band.rating), metric: metricName(threshold.metric), to: threshold.value };
        if (!was) changes.push(localized('{dimension}“{rating}”新增{metric}下限 {to}', '{dimension} “{rating}”: new {metric} threshold {to}', params));
        else if (was.value !== threshold.value)
          changes.push(
            localized('{dimension}“{rating}”的{metric}下限 {from} → {to}', '{dimension} “{rating}”: {metric} threshold {from} → {to}', {
              ...params,
              from: was.value,
            }),
          );
      }
      for (const was of previous.thresholds)
        if (!band.thresholds.some((t) => t.metric === was.metric))
          changes.push(
            localized('{dimension}“{rating}”取消了{metric}下限 {from}', '{dimension} “{rating}”: {metric} threshold {from} removed', {
              dimension,
              rating: rating(band.rating),
              metric: metricName(was.metric),
              from: was.value,
            }),
          );
      if ((previous.when ?? '') !== (band.when ?? ''))
        changes.push(
          localized('{dimension}“{rating}”的附加条件有改动', '{dimension} “{rating}”: its condition changed', { dimension, rating: rating(band.rating) }),
        );
    }
  }
  const weightsBefore = at(before, 'assessment', 'overall', 'weights');
  const weightsAfter = at(after, 'assessment', 'overall', 'weights');
  if (isRec(weightsBefore) && isRec(weightsAfter))
    for (const [dimension, value] of Object.entries(weightsAfter))
      if (weightsBefore[dimension] !== undefined && weightsBefore[dimension] !== value && dimension in dimensionText)
        changes.push(
          localized('综合评级中{dimension}的权重 {from} → {to}', 'overall weight of {dimension}: {from} → {to}', {
            dimension: dimensionText[dimension as keyof typeof dimensionText],
            from: String(weightsBefore[dimension]),
            to: String(value),
          }),
        );
  const pointsBefore = at(before, 'outcomes', 'points');
  const pointsAfter = at(after, 'outcomes', 'points');
  if (isRec(pointsBefore) && isRec(pointsAfter))
    for (const [id, value] of Object.entries(pointsAfter))
      if (pointsBefore[id] !== undefined && pointsBefore[id] !== value)
        changes.push(
          localized('“{rating}”的绩效分 {from} → {to}', 'points for “{rating}”: {from} → {to}', {
            rating: rating(id),
            from: String(pointsBefore[id]),
            to: String(value),
          }),
        );
  return changes;
}

/** The text when the file changed but none of the above did. */
export const OTHER_POLICY_CHANGE = localized('群规文件有改动（门槛、权重与绩效分未变）', 'the policy file changed (thresholds, weights and points did not)');
