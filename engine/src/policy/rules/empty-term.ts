// A term made only of characters the matcher skips (spaces, punctuation, zero-width marks) is empty
// once normalized: it would match nothing, or everything. The matcher refuses it; so do we, earlier.
import type { PolicyRule } from './rule.js';
import { removeItemFix } from './remove-item-fix.js';
import { contentTerms } from '../model/terms.js';
import { localized } from '../../i18n/localized-text.js';

export const emptyTerm: PolicyRule = {
  code: 'empty-term',
  check(ctx) {
    for (const site of contentTerms(ctx).terms) {
      if (site.normalized !== '') continue;
      ctx.report({
        code: 'empty-term',
        severity: 'error',
        path: site.path,
        message: localized(
          '词语 {stringify} 只由会被跳过的字符（空白、标点、符号或零宽字符）组成，归一化后为空',
          'Term {stringify} consists only of skipped characters (spaces, punctuation, symbols or zero-width marks) and is empty after normalization',
          { stringify: JSON.stringify(site.term) },
        ),
        ...removeItemFix(ctx.loaded, site.path, localized('删除这个词语', 'Remove this term')),
      });
    }
  },
};
