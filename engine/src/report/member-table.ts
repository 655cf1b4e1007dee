// The members as a table for HR (members.csv and the workbook's members sheet): the person and the
// results first — name, policy, ratings, points, follow-ups, the metrics — and the room id and the
// member id in their own columns at the end, where a spreadsheet lookup wants them.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { DIMENSION_TEXT, actionLabel, metricColumns, metricLabel, policyName, ratingLabel, type LabelBook } from './labels.js';
import { say } from '../i18n/localized-text.js';
import { changeWordFor } from './history-text.js';
import { historyKey, type MemberHistory } from './member-history.js';

const DIMENSIONS = ['assignments', 'tests', 'participation', 'overall'] as const;

export interface MemberTable {
  head: string[];
  /** Cells as numbers where they are numbers; null where there is no value. */
  rows: (string | number | null)[][];
  /** The columns holding a rating label (this month's and the earlier months'). */
  ratingColumns: number[];
}

/** With a history (an archive of earlier months): the change against last month and the overall rating
 *  of each earlier month, after the follow-ups. */
export function memberTable(result: EvaluationResult, book: LabelBook, locale: Locale, history?: MemberHistory | null): MemberTable {
  const metrics = metricColumns(result.members);
  const earlier = history?.months.slice(0, -1) ?? [];
  const head = [
    say(locale, '姓名', 'Name'),
    say(locale, '群规', 'Policy'),
    ...DIMENSIONS.map((d) => say(locale, '{value}评级', '{value} rating', { value: DIMENSION_TEXT[d] })),
    say(locale, '绩效分', 'Points'),
    say(locale, '后续措施', 'Follow-ups'),
    ...(history ? [say(locale, '较上月', 'Against last month')] : []),
    ...earlier.map((month, i) =>
      history!.held[i]
        ? say(locale, '{month} 综合评级', 'Overall {month}', { month })
        : say(locale, '{month} 综合评级（未归档）', 'Overall {month} (not archived)', { month }),
    ),
    say(locale, '备注', 'Note'),
    ...metrics.map((k) => metricLabel(k, locale)),
    say(locale, '群聊ID', 'Group ID'),
    say(locale, '成员ID', 'Member ID'),
  ];
  const rows = result.members.map((m) => {
    const past = history?.members.get(historyKey(m));
    return [
      m.name ?? m.memberId,
      policyName(result, m.policyId),
      ...DIMENSIONS.map((d) => ratingLabel(book, m.policyId, m.ratings[d], locale)),
      m.points,
      m.actions.map((a) => actionLabel(book, m.policyId, a, locale)).join(say(locale, '、', '; ')),
      ...(history ? [past ? changeWordFor(past, book, m.policyId, locale) : ''] : []),
      ...earlier.map((_, i) => ratingLabel(book, m.policyId, past?.overall[i] ?? null, locale)),
      m.notRated?.[locale] ?? '',
      ...metrics.map((k) => m.metrics[k] ?? null),
      m.groupId,
      m.memberId,
    ];
  });
  const firstEarlier = 2 + DIMENSIONS.length + 3;
  const ratingColumns = [...DIMENSIONS.map((_, i) => 2 + i), ...earlier.map((_, i) => firstEarlier + i)];
  return { head, rows, ratingColumns };
}
