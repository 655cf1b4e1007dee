// Human names for ids in reports: rating and action labels per policy (from the policy files), clause
// summaries, finding and table names. Reports show 优秀, not "excellent".
import type { Locale } from '../diagnostics/diagnostic.js';
import { clauseById } from '../policy/clauses.js';
import { DETECTOR_LABELS, METRICS } from '../policy/model/catalogue.generated.js';
import { asWritten, localized } from '../i18n/localized-text.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export interface PolicyLabels {
  /** The validated policy itself: band tables, overall method and outcomes for the member cards. */
  policy?: unknown;
  ratings: Record<string, LocalizedText>;
  actions: Record<string, LocalizedText>;
  categories: Record<string, LocalizedText>;
}

export type LabelBook = Record<string, PolicyLabels>;

/** Labels from validated policy values (ratings[], outcomes.actions[] and content.categories[]: label/labelEn). */
export function labelsFromPolicies(policies: readonly { value: unknown }[]): LabelBook {
  const book: LabelBook = {};
  for (const { value } of policies) {
    const policy = value as {
      metadata?: { id?: string };
      ratings?: { id: string; label: string; labelEn?: string }[];
      outcomes?: { actions?: { id: string; label: string; labelEn?: string }[] };
      content?: { categories?: { id: string; label: string; labelEn?: string }[] };
    };
    const id = policy.metadata?.id;
    if (!id) continue;
    book[id] = {
      policy: value,
      ratings: Object.fromEntries((policy.ratings ?? []).map((r) => [r.id, asWritten(r.label, r.labelEn ?? r.id)])),
      actions: Object.fromEntries((policy.outcomes?.actions ?? []).map((a) => [a.id, asWritten(a.label, a.labelEn ?? a.id)])),
      // Detectors are categories of their own in findings and charts, named by the schema.
      categories: {
        ...DETECTOR_LABELS,
        ...Object.fromEntries((policy.content?.categories ?? []).map((c) => [c.id, asWritten(c.label, c.labelEn ?? c.id)])),
      },
    };
  }
  return book;
}

export function ratingLabel(book: LabelBook, policyId: string, rating: string | null, locale: Locale): string {
  if (rating === null) return '';
  return book[policyId]?.ratings[rating]?.[locale] ?? rating;
}

/** A rating's label in every language (the id itself when the policy has no such rating). */
export function ratingLabelText(book: LabelBook, policyId: string, rating: string): LocalizedText {
  return book[policyId]?.ratings[rating] ?? asWritten(rating);
}

export function actionLabelText(book: LabelBook, policyId: string, action: string): LocalizedText {
  return book[policyId]?.actions[action] ?? asWritten(action);
}

export function actionLabel(book: LabelBook, policyId: string, action: string, locale: Locale): string {
  return book[policyId]?.actions[action]?.[locale] ?? action;
}

export const DIMENSION_TEXT = {
  assignments: localized('作业', 'Assignments'),
  tests: localized('测试', 'Tests'),
  participation: localized('参与度', 'Participation'),
  overall: localized('综合', 'Overall'),
} as const;

/** What a finding asks someone to do (a finding's `action`), in words. */
export const FINDING_ACTION_TEXT: Record<string, LocalizedText> = {
  review: localized('复核', 'review'),
  remove: localized('移出群聊', 'remove from the group'),
  handover: localized('交接后移出', 'hand over, then remove'),
};

/** A finding's action: one of the engine's own (review, remove, handover) or a policy action (R2's escalation). */
export function findingActionLabel(book: LabelBook, finding: { policyId: string; action?: string }, locale: Locale): string {
  if (finding.action === undefined) return '';
  return FINDING_ACTION_TEXT[finding.action]?.[locale] ?? actionLabel(book, finding.policyId, finding.action, locale);
}

export const SEVERITY_TEXT = {
  error: localized('错误', 'error'),
  warning: localized('警告', 'warning'),
  info: localized('提示', 'info'),
} as const;

/** Names of the metrics the engine reports: the schema's (its `x-metrics`, one definition for the
 *  editor, the validator and the reports), then the one the engine computes itself. */
export const METRIC_TEXT: Record<string, LocalizedText> = {
  ...Object.fromEntries(
    Object.entries(METRICS).map(([key, { label, unit }]) => {
      return [key, localized('{value}{value2}', '{value}{value3}', { value: label, value2: unit ? `（${unit}）` : '', value3: unit ? ` (${unit})` : '' })];
    }),
  ),
  overallScore: localized('综合得分', 'overall score'),
};

/** Metric columns for the member tables: the metrics any member has, known ones first in a fixed order.
 *  Timestamps (keys ending in At, epoch milliseconds) are left out: result.json keeps them. */
export function metricColumns(members: readonly { metrics: Record<string, number | null> }[]): string[] {
  const present = new Set(members.flatMap((m) => Object.keys(m.metrics)).filter((k) => !k.endsWith('At')));
  const known = Object.keys(METRIC_TEXT).filter((k) => present.has(k));
  return [...known, ...[...present].filter((k) => !(k in METRIC_TEXT)).sort()];
}

export const metricLabel = (key: string, locale: Locale) => METRIC_TEXT[key]?.[locale] ?? key;

/** The bundle's tables as people call them (report headings, data accounting). */
export const TABLE_TEXT: Record<string, LocalizedText> = {
  employees: localized('员工花名册', 'employee roster'),
  members: localized('群成员', 'group members'),
  applications: localized('入群申请', 'join applications'),
  exits: localized('退群记录', 'exits'),
  assignments: localized('作业', 'assignments'),
  submissions: localized('作业提交', 'submissions'),
  tests: localized('测试成绩', 'test results'),
  sessions: localized('直播培训', 'live sessions'),
  attendance: localized('直播出勤', 'attendance'),
  exemptions: localized('报备', 'exemptions'),
  messages: localized('群消息', 'messages'),
};

export const tableLabel = (table: string, locale: Locale) => TABLE_TEXT[table]?.[locale] ?? table;

/** A clause with what it says: "M1 入群须提交申请并经审核". */
export function clauseLabel(clause: string, locale: Locale): string {
  const summary = clauseById.get(clause)?.summary[locale];
  return summary ? `${clause} ${summary}` : clause;
}

/** A policy by its name (its id only when it has none). */
export function policyName(result: { policies: readonly { id: string; name?: string }[] }, policyId: string): string {
  return result.policies.find((p) => p.id === policyId)?.name ?? policyId;
}

/** A member by name, from members[]; staff and unknown members by id. */
export function memberName(
  result: { members: readonly { groupId: string; memberId: string; name: string | null }[] },
  groupId: string | null,
  memberId: string | null,
): string {
  if (memberId === null) return '';
  return result.members.find((m) => m.groupId === groupId && m.memberId === memberId)?.name ?? memberId;
}
