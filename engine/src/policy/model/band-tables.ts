// Band tables read from the policy in one normalized form: each band's thresholds per metric, with
// the path of each threshold so a rule can point at the exact number. The one band model: the
// validator's band rules, render, diff, coverage, the code lens and the evaluation's rating step read it.
import type { Path } from '../paths.js';
import { DIMENSION_METRICS, METRICS } from './catalogue.generated.js';
import { DIMENSIONS } from './ids.js';
import { at, isRec, list, num, str } from './view.js';
import { asWritten, localized } from '../../i18n/localized-text.js';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';

export type Dimension = (typeof DIMENSIONS)[number];

export interface Threshold {
  metric: string;
  value: number;
  path: Path;
}

export interface BandView {
  index: number;
  path: Path;
  rating: string | undefined;
  thresholds: Threshold[];
  when: string | undefined;
  /** No min and no when: every member who gets this far lands here. */
  isCatchAll: boolean;
  /** `min` is present but not a number or a map of numbers (the schema reports it); rules skip it. */
  malformed: boolean;
}

export interface BandTable {
  dimension: Dimension;
  path: Path;
  mainMetric: string;
  bands: BandView[];
}

export function bandTables(policy: unknown): BandTable[] {
  const tables: BandTable[] = [];
  for (const dimension of DIMENSIONS) {
    const section = at(policy, 'assessment', dimension);
    const bands = at(section, 'bands');
    if (!Array.isArray(bands)) continue;
    // A number `min` means the section's main metric; without one, the schema's default for the dimension.
    const mainMetric = str(at(section, 'metric')) ?? DIMENSION_METRICS[dimension].main;
    const path: Path = ['assessment', dimension, 'bands'];
    tables.push({
      dimension,
      path,
      mainMetric,
      bands: list(bands).map((band, index) => {
        const bandPath = [...path, index];
        const min = at(band, 'min');
        const thresholds: Threshold[] = [];
        const malformed = min !== undefined && num(min) === undefined && !(isRec(min) && Object.values(min).every((v) => num(v) !== undefined));
        if (num(min) !== undefined) thresholds.push({ metric: mainMetric, value: min as number, path: [...bandPath, 'min'] });
        else if (isRec(min)) {
          for (const [metric, value] of Object.entries(min)) {
            if (num(value) !== undefined) thresholds.push({ metric, value: value as number, path: [...bandPath, 'min', metric] });
          }
        }
        const when = str(at(band, 'when'));
        return {
          index,
          path: bandPath,
          rating: str(at(band, 'rating')),
          thresholds,
          when,
          isCatchAll: min === undefined && when === undefined,
          malformed,
        };
      }),
    });
  }
  return tables;
}

/** Is the table out of order (ratings climbing back up, or main thresholds not strictly falling)? */
export function isOutOfOrder(table: BandTable, ratings: readonly string[]): boolean {
  let rank = -1;
  let main = Infinity;
  for (const band of table.bands) {
    const r = band.rating === undefined ? -1 : ratings.indexOf(band.rating);
    if (r !== -1) {
      if (r < rank) return true;
      rank = r;
    }
    const threshold = band.thresholds.find((t) => t.metric === table.mainMetric);
    if (threshold) {
      if (threshold.value >= main) return true;
      main = threshold.value;
    }
  }
  return false;
}

export function declaredRatings(policy: unknown): string[] {
  return list(at(policy, 'ratings'))
    .map((r) => str(at(r, 'id')))
    .filter((id): id is string => id !== undefined);
}

/** A rating as the policy labels it (label / labelEn), its id while it has no label. */
export function ratingLabel(policy: unknown, id: string): LocalizedText {
  const declared = list(at(policy, 'ratings')).find((r) => str(at(r, 'id')) === id);
  const label = str(at(declared, 'label')) ?? id;
  return asWritten(label, str(at(declared, 'labelEn')) ?? label);
}

/** A metric as the schema names it (准确率 / accuracy), its key when the schema does not know it. */
export function metricName(metric: string): LocalizedText {
  return METRICS[metric]?.label ?? asWritten(metric);
}

/** A dimension's short name, as in "袁磊的作业评级为不合格" / "Yuan Lei's assignment rating is Fail". */
export const dimensionShortName: Record<Dimension, LocalizedText> = {
  assignments: localized('作业', 'assignment'),
  tests: localized('测试', 'test'),
  participation: localized('参与度', 'participation'),
  overall: localized('综合', 'overall'),
};

export const dimensionText: Record<Dimension, LocalizedText> = {
  assignments: localized('作业考核', 'assignments'),
  tests: localized('测试考核', 'tests'),
  participation: localized('参与度考核', 'participation'),
  overall: localized('综合评级', 'overall'),
};
