// The words of a member's history in the reports: the change against last month and the ratings of the
// months before, as one line.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { localized, say } from '../i18n/localized-text.js';
import { ratingLabel, type LabelBook } from './labels.js';
import type { PolicyEffect } from '../diff/policy-effect.js';
import type { GroupMonthRates, MemberHistory, MemberHistoryRow, RatingChange } from './member-history.js';

const CHANGE_TEXT = {
  up: localized('↑', '↑'),
  down: localized('↓', '↓'),
  same: localized('=', '='),
  new: localized('新成员', 'new'),
} as const;

/** In spreadsheets, words a filter can pick (and a leading "=" would read as a formula). */
const CHANGE_WORD = {
  up: localized('上升', 'up'),
  down: localized('下降', 'down'),
  same: localized('持平', 'same'),
  new: localized('新成员', 'new'),
} as const;

export function changeWord(change: RatingChange, locale: Locale): string {
  return change === null ? '' : CHANGE_WORD[change][locale];
}

/** The change with, in a month the policy changed, what last month's policy would have said: "下降（按上月群规为合格）". */
export function changeWordFor(row: MemberHistoryRow, book: LabelBook, policyId: string, locale: Locale): string {
  const word = changeWord(row.change, locale);
  if (row.underLastPolicy === undefined || !word) return word;
  return say(locale, '{word}（按上月群规为{rating}）', '{word} ({rating} under last month’s policy)', {
    word,
    rating: row.underLastPolicy === null ? say(locale, '未评级', 'not rated') : ratingLabel(book, policyId, row.underLastPolicy, locale),
  });
}

/** What a screen reader and a hover say for the arrow. */
const CHANGE_TITLE = {
  up: localized('比上月好', 'better than last month'),
  down: localized('比上月差', 'worse than last month'),
  same: localized('与上月相同', 'same as last month'),
  new: localized('上月不在群里', 'not in the group last month'),
} as const;

export function changeText(change: RatingChange, locale: Locale): string {
  return change === null ? '' : CHANGE_TEXT[change][locale];
}

export function changeTitle(change: RatingChange, locale: Locale): string {
  return change === null ? '' : CHANGE_TITLE[change][locale];
}

const EN_MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** A month in a line of ratings: 9月 / Sep. */
export function shortMonth(month: string, locale: Locale): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return locale === 'en' ? EN_MONTH.format(new Date(Date.UTC(year, m - 1, 1))) : `${m}月`;
}

/** "8月合格 → 9月不合格 → 10月不合格" (en "Aug Pass → Sep Fail → Oct Fail"), months without a rating left out. */
export function ratingsLine(history: MemberHistory, row: MemberHistoryRow, book: LabelBook, policyId: string, locale: Locale): string {
  return history.months
    .map((month, i) =>
      row.overall[i] === null ? '' : `${shortMonth(month, locale)}${locale === 'en' ? ' ' : ''}${ratingLabel(book, policyId, row.overall[i]!, locale)}`,
    )
    .filter(Boolean)
    .join(' → ');
}

/** A share (0–1) as a whole percent, or '' with nobody rated. */
export function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}

/** Each group's months as rows: the best and the worst rating named in their cells, the rates in percent. */
export function groupRatesTable(
  result: EvaluationResult,
  history: MemberHistory,
  book: LabelBook,
  locale: Locale,
): { head: string[]; rows: (string | number | null)[][] } {
  const head = [
    say(locale, '群规', 'Policy'),
    say(locale, '月份', 'Month'),
    say(locale, '已评级', 'Rated'),
    say(locale, '最好评级', 'Best rating'),
    say(locale, '占比（%）', 'Share (%)'),
    say(locale, '最差评级', 'Worst rating'),
    say(locale, '占比（%）', 'Share (%)'),
    say(locale, '平均绩效分', 'Average points'),
    say(locale, '群规变动', 'Policy changes'),
  ];
  const rows: (string | number | null)[][] = [];
  for (const policy of result.policies) {
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    for (const month of history.groups.get(policy.id) ?? [])
      rows.push(
        !month.held
          ? [policy.name, month.month, say(locale, '（归档中没有这个月）', '(not in the archive)'), null, null, null, null, null, '']
          : [
              policy.name,
              month.month,
              month.rated,
              ratingLabel(book, policy.id, ratings[0] ?? null, locale),
              percentOf(month.bestRate),
              ratingLabel(book, policy.id, ratings.at(-1) ?? null, locale),
              percentOf(month.worstRate),
              month.averagePoints === null ? null : Math.round(month.averagePoints * 10) / 10,
              changesText(month, book, policy.id, locale),
            ],
      );
  }
  return { head, rows };
}

/** How many names an effect lists before "等 N 人". */
const EFFECT_NAMES = 5;

/** "若仍按 2026-08 的群规：王浩会是合格（现为不合格）" — or that no rating would differ. */
export function effectText(effect: PolicyEffect, book: LabelBook, policyId: string, locale: Locale): string {
  if (!effect.changed.length)
    return say(locale, '若仍按 {month} 的群规，本月的综合评级都不变', "under {month}'s policy this month's overall ratings would be the same", {
      month: effect.under,
    });
  const rating = (id: string | null) => (id === null ? say(locale, '未评级', 'not rated') : ratingLabel(book, policyId, id, locale));
  const names = effect.changed
    .slice(0, EFFECT_NAMES)
    .map((c) =>
      say(locale, '{name}会是{before}（现为{now}）', '{name} would be {before} (now {now})', { name: c.name, before: rating(c.before), now: rating(c.now) }),
    )
    .join(say(locale, '、', ', '));
  const more = effect.changed.length > EFFECT_NAMES ? say(locale, '等 {count} 人', ' and others, {count} in all', { count: effect.changed.length }) : '';
  return say(locale, '若仍按 {month} 的群规：{names}{more}', "under {month}'s policy: {names}{more}", { month: effect.under, names, more });
}

/** A month's policy changes in words, with what the change did this month when that is known. */
export function changesText(month: GroupMonthRates, book: LabelBook, policyId: string, locale: Locale): string {
  const parts = month.policyChanges.map((c) => c[locale]);
  if (parts.length && month.comparedWith)
    parts[0] = say(locale, '（与 {month} 相比）{change}', '(against {month}) {change}', { month: month.comparedWith, change: parts[0]! });
  if (month.effect) parts.push(effectText(month.effect, book, policyId, locale));
  return parts.join(say(locale, '；', '; '));
}
