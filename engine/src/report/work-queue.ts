// What someone must act on this month, most urgent first: every error, and the warnings that call for
// an admin — removals (M5), ineligible members (M2), missing or unapproved applications (M1),
// outsiders in a confidential group (S4), leavers still in the group (S5). Each row says when it
// happened, the message id to find it in WeCom, what to do and by when, where the policy gives a limit.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, Finding } from '../evaluate/result-types.js';
import { say } from '../i18n/localized-text.js';
import { at, num } from '../policy/model/view.js';
import { findingActionLabel, type LabelBook } from './labels.js';

const ADMIN_WARNINGS = new Set([
  'removal-violations',
  'removal-inactive',
  'ineligible-member',
  'no-approved-application',
  'application-missing-field',
  'outsider-in-confidential-group',
  'leaver-in-group',
]);

// Leaked confidential data first, then conduct, then the people who should not be in the group.
const CLAUSE_URGENCY = ['S1', 'S2', 'S4', 'N1', 'N2', 'N4', 'S5', 'M5', 'M2', 'M1'];
const CONTENT_CLAUSES = new Set(['S1', 'S2', 'S4', 'N1', 'N2', 'N4']);

export function needsAction(f: Finding): boolean {
  return f.severity === 'error' || f.action === 'remove' || f.action === 'handover' || ADMIN_WARNINGS.has(f.code);
}

/** When it happened, as the evidence says: a message's time, a join, a leave. ISO, in the policy's zone. */
export function whenOf(f: Finding): string | undefined {
  for (const key of ['sentAt', 'leaveDate', 'leftAt', 'joinedAt', 'startsAt', 'dueAt']) {
    const value = f.evidence[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** "2026-10-19 11:00" from an ISO time in the policy's zone (the offset is the zone's). */
export function wallTime(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

/** A deadline the policy sets: a violation is stopped within content.stopWithinHours (A3); a leaver
 *  is removed after membership's grace days (S5). */
function dueOf(f: Finding, policy: unknown): string | undefined {
  const when = whenOf(f);
  if (!when) return undefined;
  let hours: number | undefined;
  if (CONTENT_CLAUSES.has(f.clause) && typeof f.evidence.sentAt === 'string') hours = num(at(policy, 'content', 'stopWithinHours')) ?? 24;
  else if (f.code === 'leaver-in-group') hours = (num(f.evidence.graceDays) ?? 0) * 24;
  if (hours === undefined) return undefined;
  const offset = /([+-]\d\d:\d\d|Z)$/.exec(when)?.[1] ?? 'Z';
  const due = new Date(Date.parse(when) + hours * 3_600_000);
  // Back into the policy's zone: the offset of the time it counts from.
  const sign = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(due.getTime() + sign * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface WorkItem {
  finding: Finding;
  group: string;
  member: string;
  what: string;
  when: string;
  messageId: string;
  action: string;
  due: string;
}

export function workQueue(result: EvaluationResult, book: LabelBook, locale: Locale): WorkItem[] {
  const names = new Map(result.members.map((m) => [`${m.groupId}\u0000${m.memberId}`, m.name]));
  const rank = (f: Finding) => {
    const i = CLAUSE_URGENCY.indexOf(f.clause);
    return (f.severity === 'error' ? 0 : 100) + (i === -1 ? CLAUSE_URGENCY.length : i);
  };
  return result.findings
    .filter(needsAction)
    .map((f, order) => ({ f, order }))
    .sort((a, b) => rank(a.f) - rank(b.f) || (whenOf(a.f) ?? '').localeCompare(whenOf(b.f) ?? '') || a.order - b.order)
    .map(({ f }) => {
      const policy = book[f.policyId]?.policy;
      const memberName = f.memberId === null ? '' : (f.memberName ?? names.get(`${f.groupId}\u0000${f.memberId}`) ?? f.memberId);
      const action = findingActionLabel(book, f, locale) || say(locale, '核实并处理', 'check and act');
      return {
        finding: f,
        group: result.policies.find((p) => p.id === f.policyId)?.name ?? f.policyId,
        member: memberName,
        what: f.message[locale],
        when: wallTime(whenOf(f)),
        messageId: typeof f.evidence.messageId === 'string' ? f.evidence.messageId : '',
        action,
        due: dueOf(f, policy) ?? '',
      };
    });
}
