// The members as a table for HR (members.csv and the workbook's members sheet): the person and the
// results first — name, policy, ratings, points, follow-ups, the metrics — and the room id and the
// member id in their own columns at the end, where a spreadsheet lookup wants them.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { DIMENSION_TEXT, actionLabel, metricColumns, metricLabel, policyName, ratingLabel, type LabelBook } from './labels.js';
import { say } from '../i18n/localized-text.js';

const DIMENSIONS = ['assignments', 'tests', 'participation', 'overall'] as const;

export interface MemberTable {
  head: string[];
  /** Cells as numbers where they are numbers; null where there is no value. */
  rows: (string | number | null)[][];
}

export function memberTable(result: EvaluationResult, book: LabelBook, locale: Locale): MemberTable {
  const metrics = metricColumns(result.members);
  const head = [
    say(locale, '姓名', 'Name'),
    say(locale, '群规', 'Policy'),
    ...DIMENSIONS.map((d) => say(locale, '{value}评级', '{value} rating', { value: DIMENSION_TEXT[d] })),
    say(locale, '绩效分', 'Points'),
    say(locale, '后续措施', 'Follow-ups'),
    say(locale, '备注', 'Note'),
    ...metrics.map((k) => metricLabel(k, locale)),
    say(locale, '群聊ID', 'Group ID'),
    say(locale, '成员ID', 'Member ID'),
  ];
  const rows = result.members.map((m) => [
    m.name ?? m.memberId,
    policyName(result, m.policyId),
    ...DIMENSIONS.map((d) => ratingLabel(book, m.policyId, m.ratings[d], locale)),
    m.points,
    m.actions.map((a) => actionLabel(book, m.policyId, a, locale)).join(say(locale, '、', '; ')),
    m.notRated?.[locale] ?? '',
    ...metrics.map((k) => m.metrics[k] ?? null),
    m.groupId,
    m.memberId,
  ]);
  return { head, rows };
}
