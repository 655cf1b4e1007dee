// An alert: one finding of a message as it arrived, with what a person needs to act on it (the group
// and the member by name, the time) and the identity that keeps it from being sent twice.
import { createHash } from 'node:crypto';
import type { LocalizedText, Severity } from '../diagnostics/diagnostic.js';
import { groupName } from '../evaluate/describe.js';
import type { RuleLocation } from '../evaluate/result-types.js';
import type { LiveFinding, LivePolicy } from './live-policy.js';

export interface Alert {
  /** De-duplication key: policy, finding code, group, member, category and the message (the month for
   *  a member's month-level clause). The same message read twice gives the same id. */
  id: string;
  policyId: string;
  groupId: string;
  groupName: LocalizedText;
  memberId: string | null;
  memberName?: string;
  code: string;
  clause: string;
  severity: Severity;
  action?: string;
  messageId: string;
  /** The message's time, ISO 8601 in the policy's zone. */
  sentAt: string;
  message: LocalizedText;
  rule: RuleLocation;
  evidence: Record<string, unknown>;
}

export function alertOf(live: LivePolicy, { finding, message, perMonth }: LiveFinding): Alert {
  const category = typeof finding.evidence.category === 'string' ? finding.evidence.category : '';
  const groupId = finding.groupId ?? message.group_id;
  const identity = [finding.policyId, finding.code, groupId, finding.memberId ?? '', category, perMonth ? `month:${live.month}` : message.message_id];
  return {
    id: alertId(identity),
    policyId: finding.policyId,
    groupId,
    groupName: groupName(live.ctx, groupId),
    memberId: finding.memberId,
    ...(finding.memberName !== undefined ? { memberName: finding.memberName } : {}),
    code: finding.code,
    clause: finding.clause,
    severity: finding.severity,
    ...(finding.action !== undefined ? { action: finding.action } : {}),
    messageId: message.message_id,
    sentAt: live.ctx.month.iso(message.sent_at),
    message: finding.message,
    rule: finding.rule,
    evidence: finding.evidence,
  };
}

/** A short hash of the parts (NUL-separated): ids and names never need escaping. */
export function alertId(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}
