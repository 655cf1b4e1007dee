// A threshold outside its metric's range (accuracy 0–100, activeDays 0–31…) is a typo or a band no
// member can reach; the ranges live in the schema's x-metrics, next to the metrics' docs.
import { metricInfo } from '../schema.js';
import type { PolicyRule } from './rule.js';
import { bandTables, dimensionText, metricName } from '../model/band-tables.js';
import { localized } from '../../i18n/localized-text.js';

export const bandOutOfRange: PolicyRule = {
  code: 'band-out-of-range',
  check(ctx) {
    for (const table of bandTables(ctx.policy)) {
      for (const band of table.bands) {
        for (const threshold of band.thresholds) {
          const info = metricInfo(threshold.metric);
          if (!info) continue;
          const { min, max } = info;
          if (threshold.value >= min && (max === null || threshold.value <= max)) continue;
          const range = max === null ? `≥ ${min}` : `${min}–${max}`;
          ctx.report({
            code: 'band-out-of-range',
            severity: 'error',
            path: threshold.path,
            message: localized(
              '{value}第 {value2} 档：{metric}的下限 {value3} 超出取值范围 {range}，这一档永远无法达到',
              '{value} band {value2}: {metric} threshold {value3} is outside its range {range}; no member can ever reach this band',
              {
                value: dimensionText[table.dimension],
                value2: band.index + 1,
                metric: metricName(threshold.metric),
                value3: threshold.value,
                range,
              },
            ),
          });
        }
      }
    }
  },
};
