// E4–E6 weighted overall rating: weights are shares of one whole, so they sum to 1, and each weighted
// dimension must actually be assessed. Negative weights are refused by the schema (out-of-range).
import type { PolicyRule } from './rule.js';
import { at, isRec, num } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

const EPSILON = 1e-9;

export const invalidWeights: PolicyRule = {
  code: 'invalid-weights',
  check(ctx) {
    const overall = at(ctx.policy, 'assessment', 'overall');
    if (!isRec(overall)) return;
    if (overall.method !== 'weighted') {
      // worst/best take no weights: weights left there suggest the author expects them to count.
      if (isRec(overall.weights)) {
        ctx.report({
          code: 'invalid-weights',
          severity: 'warning',
          path: ['assessment', 'overall', 'weights'],
          target: 'key',
          message: localized(
            '综合方法为 {String} 时不使用权重，这里的 weights 会被忽略；若要加权请改为 method: weighted',
            'weights are ignored with method {String}; use method: weighted to weigh the dimensions',
            { String: String(overall.method) },
          ),
        });
      }
      return;
    }
    const weights = overall.weights;
    if (!isRec(weights)) {
      ctx.report({
        code: 'invalid-weights',
        severity: 'error',
        path: ['assessment', 'overall', 'method'],
        message: localized(
          '加权综合评级（method: weighted）需要 weights：为各维度写明权重，合计为 1',
          'A weighted overall rating (method: weighted) needs weights: one per dimension, summing to 1',
        ),
      });
      return;
    }
    let sum = 0;
    for (const [dimension, weight] of Object.entries(weights)) {
      const value = num(weight);
      if (value === undefined) continue;
      sum += value;
      if (value > 0 && !isRec(at(ctx.policy, 'assessment', dimension))) {
        ctx.report({
          code: 'invalid-weights',
          severity: 'error',
          path: ['assessment', 'overall', 'weights', dimension],
          target: 'key',
          message: localized(
            '{dimension} 有权重 {value}，但 assessment.{dimension} 没有设置考核档位',
            '{dimension} has weight {value} but assessment.{dimension} is not defined',
            { dimension, value },
          ),
        });
      }
    }
    if (Math.abs(sum - 1) > EPSILON) {
      const shown = Math.round(sum * 1e6) / 1e6;
      ctx.report({
        code: 'invalid-weights',
        severity: 'error',
        path: ['assessment', 'overall', 'weights'],
        target: 'key',
        message: localized('各维度权重合计应为 1，这里是 {shown}', 'The weights must sum to 1; they sum to {shown}', { shown }),
      });
    }
    if (!Array.isArray(overall.bands)) {
      ctx.report({
        code: 'invalid-weights',
        severity: 'error',
        path: ['assessment', 'overall', 'method'],
        message: localized(
          '加权综合评级需要 overall.bands：按加权分（score）从高到低的档位',
          'A weighted overall rating needs overall.bands: bands on the weighted score, best first',
        ),
      });
    }
  },
};
