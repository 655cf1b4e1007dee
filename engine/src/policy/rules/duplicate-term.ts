// N1 N2 N4: two entries that normalize to the same text (傻逼 / 傻 逼 / 傻逼 in full width) match the
// same messages. Within a category that is clutter; across categories a message would be counted twice.
import { rangeFromOffsets } from '../../diagnostics/range.js';
import { spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { removeItemFix } from './remove-item-fix.js';
import { contentTerms, type TermSite } from '../model/terms.js';
import { asWritten, localized } from '../../i18n/localized-text.js';

export const duplicateTerm: PolicyRule = {
  code: 'duplicate-term',
  check(ctx) {
    const first = new Map<string, TermSite>();
    for (const site of contentTerms(ctx).terms) {
      if (site.normalized === '') continue;
      const earlier = first.get(site.normalized);
      if (!earlier) {
        first.set(site.normalized, site);
        continue;
      }
      const same = earlier.categoryIndex === site.categoryIndex;
      const [s, e] = spanOf(ctx.loaded, earlier.path);
      const shown =
        earlier.term === site.term
          ? asWritten(`“${site.term}”`)
          : localized('“{term}”与“{earlier}”', '“{term}” and “{earlier}”', { term: site.term, earlier: earlier.term });
      ctx.report({
        code: 'duplicate-term',
        severity: same ? 'warning' : 'error',
        path: site.path,
        message: same
          ? localized(
              '词语{shown}归一化后重复（同一类别 {categoryId}）',
              "Term ''{term}'' duplicates ''{term2}'' after normalization (same category {categoryId})",
              { shown, categoryId: site.categoryId, term: site.term, term2: earlier.term },
            )
          : localized(
              '词语{shown}归一化后重复，分属类别 {categoryId} 和 {categoryId2}：同一条消息会被记两次',
              "Term ''{term}'' duplicates ''{term2}'' of category {categoryId} after normalization: one message would count twice",
              { shown, categoryId: earlier.categoryId, categoryId2: site.categoryId, term: site.term, term2: earlier.term },
            ),
        related: [{ file: ctx.loaded.file, range: rangeFromOffsets(ctx.loaded.lineCounter, s, e), message: localized('已在这里列出', 'already listed here') }],
        ...removeItemFix(ctx.loaded, site.path, localized('删除重复的词语 “{term}”', "Remove the duplicate term ''{term}''", { term: site.term })),
      });
    }
  },
};
