// What changed in a policy between two archived months, in words a training manager reads: band tables
// and bands added or removed, thresholds per rating (changed, added, removed), a band's condition, the
// overall weights, the escalation run and the points.
// A fall in ratings after a stricter threshold must read as the policy's doing, not the learners'.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { asWritten, listOf, localized } from '../i18n/localized-text.js';
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
  const tablesAfter = new Map(bandTables(after).map((t) => [t.dimension, t]));
  for (const [dimension, table] of tablesBefore)
    if (!tablesAfter.has(dimension))
      changes.push(
        localized('不再评{dimension}（档位表已删除）', '{dimension} no longer rated (its band table removed)', { dimension: dimensionText[table.dimension] }),
      );
  for (const table of tablesAfter.values()) {
    const old = tablesBefore.get(table.dimension);
    const dimension = dimensionText[table.dimension];
    if (!old) {
      changes.push(localized('新增{dimension}评级', '{dimension} now rated (a new band table)', { dimension }));
      continue;
    }
    for (const band of old.bands)
      if (band.rating !== undefined && !table.bands.some((b) => b.rating === band.rating))
        changes.push(localized('{dimension}取消了“{rating}”档', '{dimension}: band “{rating}” removed', { dimension, rating: rating(band.rating) }));
    for (const band of table.bands) {
      const previous = old.bands.find((b) => b.rating === band.rating);
      if (!previous) {
        changes.push(
          localized('{dimension}新增“{rating}”档{thresholds}', '{dimension}: new band “{rating}”{thresholds}', {
            dimension,
            rating: rating(band.rating),
            thresholds: band.thresholds.length
              ? listOf(
                  band.thresholds.map((t) =>
                    localized('（{metric}下限 {value}）', ' ({metric} from {value})', { metric: metricName(t.metric), value: t.value }),
                  ),
                  '',
                  '',
                )
              : asWritten(''),
          }),
        );
        continue;
      }
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
  const runBefore = at(before, 'outcomes', 'escalation', 'afterConsecutive');
  const runAfter = at(after, 'outcomes', 'escalation', 'afterConsecutive');
  if (runBefore !== runAfter)
    changes.push(
      runAfter === undefined
        ? localized('取消了连续不合格的升级处理', 'escalation after repeated failure removed')
        : runBefore === undefined
          ? localized('新增连续不合格 {to} 个月的升级处理', 'escalation after {to} failing months in a row added', { to: String(runAfter) })
          : localized('连续不合格升级的月数 {from} → {to}', 'months of repeated failure before escalation: {from} → {to}', {
              from: String(runBefore),
              to: String(runAfter),
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
export const OTHER_POLICY_CHANGE = localized(
  '群规文件有改动（评级的档位、门槛、权重、绩效分与升级都未变）',
  'the policy file changed (its rating bands, thresholds, weights, points and escalation did not)',
);
