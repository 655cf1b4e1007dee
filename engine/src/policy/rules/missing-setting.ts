// A number the regulation needs ([X] in the seed) that this policy does not set: the rendered document
// would show a gap, and the engine falls back to not evaluating that clause.
import { requiredSettings } from '../required-settings.js';
import type { PolicyRule } from './rule.js';
import { at } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

export const missingSetting: PolicyRule = {
  code: 'missing-setting',
  check(ctx) {
    for (const setting of requiredSettings) {
      if (at(ctx.policy, ...setting.path) !== undefined) continue;
      // Point at the deepest part of the path that exists (or the top of the file).
      let existing = setting.path.length - 1;
      while (existing > 0 && at(ctx.policy, ...setting.path.slice(0, existing)) === undefined) existing--;
      const path = setting.path.slice(0, existing);
      // Named as people call it; the key to write in brackets, as for a missing property.
      ctx.report({
        code: 'missing-setting',
        severity: 'warning',
        path,
        target: 'key',
        message: localized(
          '未设置{value}（{path}，条款 {clause}）：生成的制度文本会留空，相应检查不会执行',
          '{path} is not set ({value}, clause {clause}): the rendered regulation shows a gap and the check is not run',
          { path: setting.path.join('.'), value: setting.what, clause: setting.clause },
        ),
      });
    }
  },
};
