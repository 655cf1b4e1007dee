// Consumes one policy's messages, one at a time, in file order: per-member counters (M3 E3 E6), the
// content matches (N1 N2 N4 S1 S2 S4), and every message handed to the trackers the rules declared
// (message-tracker.ts), which keep what their clauses need. Hits go to the scan state's hit log.
import type { ExemptionRow, MessageRow } from '../../data/bundle-types.js';
import { isBareAcknowledgement } from '../acknowledgement.js';
import { membershipKey, type PolicyEval } from '../context.js';
import { excerpt, ownCopy } from '../excerpt.js';
import { privacy } from '../../match/mask.js';
import type { ContentMatcher } from '../matcher-port.js';
import type { Hit } from './hit.js';
import type { MessageFacts, MessageTracker } from './message-tracker.js';
import { emptyStats, type MemberStats } from './member-stats.js';
import { RecentSenders } from './recent-senders.js';

/** `number` indexes senderIds: the recent-senders table stores numbers, not id strings. */
interface SenderState {
  stats: MemberStats;
  staff: boolean;
  number: number;
}
interface GroupState {
  messages: number;
  senders: Map<string, SenderState>;
}

export class PolicyScanner {
  private readonly recent = new RecentSenders();
  private readonly senderIds: string[] = [];
  private readonly groupStates = new Map<string, GroupState>();
  private readonly exemptions: Map<string, ExemptionRow[]>;
  private readonly trackers: MessageTracker[];
  private readonly violationTrackers: MessageTracker[];
  /** Reused for every message: the hot path allocates nothing per message for the trackers. */
  private readonly facts: MessageFacts = { staff: false, bare: false, stats: emptyStats() };

  constructor(
    private readonly ctx: PolicyEval,
    private readonly matcher: ContentMatcher | undefined,
  ) {
    this.exemptions = new Map();
    for (const exemption of ctx.data.rows.exemptions) {
      const key = `${exemption.group_id}\u0000${exemption.category}`;
      const list = this.exemptions.get(key) ?? [];
      list.push(exemption);
      this.exemptions.set(key, list);
    }
    this.trackers = [...ctx.scan.trackers.values()];
    this.violationTrackers = this.trackers.filter((tracker) => tracker.violation !== undefined);
  }

  consume(message: MessageRow): void {
    const scan = this.ctx.scan;
    const t = message.sent_at;
    const group = this.groupOf(message.group_id);
    group.messages++;
    if (t > scan.lastMessageAt) scan.lastMessageAt = t;
    if (message.type === 'system') {
      for (const tracker of this.trackers) tracker.message(message, undefined);
      return;
    }
    const sender = this.senderIn(group, message.group_id, message.sender_id);
    const stats = sender.stats;
    stats.messages++;
    if (t > stats.lastActive) stats.lastActive = t;
    this.recent.remember(message.message_id, sender.number);

    const text = message.content ?? '';
    const bare = message.type === 'text' && isBareAcknowledgement(text);
    if (!message.recalled && !bare) {
      stats.contentMessages++;
      const day = this.ctx.month.dayOf(t);
      if (day > 0) stats.dayBits |= 1 << (day - 1);
    }
    if (message.reply_to !== undefined) {
      const to = this.recent.senderOf(message.reply_to);
      if (to === -1 || this.senderIds[to] !== message.sender_id) stats.repliesGiven++;
    }
    const facts = this.facts;
    facts.staff = sender.staff;
    facts.bare = bare;
    facts.stats = stats;
    for (const tracker of this.trackers) tracker.message(message, facts);

    if (this.matcher) {
      if (text !== '') this.matchText(message, text, false);
      for (const forwarded of message.forwarded ?? []) this.matchText(message, forwarded, true);
    }
  }

  /** End of data. */
  finish(): void {
    const scan = this.ctx.scan;
    for (const [groupId, group] of this.groupStates) scan.messagesByGroup.set(groupId, group.messages);
    for (const tracker of this.trackers) tracker.finish();
  }

  /** Per-group, per-sender state found with two Map look-ups and no string building (hot path). */
  private groupOf(groupId: string): GroupState {
    let group = this.groupStates.get(groupId);
    if (!group) {
      group = { messages: 0, senders: new Map() };
      this.groupStates.set(groupId, group);
    }
    return group;
  }

  private senderIn(group: GroupState, groupId: string, senderId: string): SenderState {
    let sender = group.senders.get(senderId);
    if (!sender) {
      const key = membershipKey(groupId, senderId);
      sender = { stats: this.statsOf(key), staff: this.ctx.memberships.get(key)?.staff === true, number: this.senderIds.length };
      this.senderIds.push(senderId);
      group.senders.set(senderId, sender);
    }
    return sender;
  }

  private statsOf(key: string): MemberStats {
    let stats = this.ctx.scan.stats.get(key);
    if (!stats) {
      stats = emptyStats();
      this.ctx.scan.stats.set(key, stats);
    }
    return stats;
  }

  /** Runs the matcher over one text; counted violations also go to the trackers that follow them. */
  private matchText(message: MessageRow, text: string, forwarded: boolean): void {
    const ctx = this.ctx;
    for (const match of this.matcher!.match(text)) {
      const category = ctx.categories.get(match.categoryId);
      const exemption = category?.exemptible ? this.exemptionFor(message, match.categoryId) : undefined;
      const counted = ctx.settings.countCategories ? ctx.settings.countCategories.has(match.categoryId) : true;
      const violation = match.severity === 'error' && counted && !exemption;
      const hit: Hit = {
        messageId: message.message_id,
        groupId: message.group_id,
        senderId: message.sender_id,
        sentAt: message.sent_at,
        type: message.type,
        forwarded,
        recalled: message.recalled === true,
        match: { ...match, text: ownCopy(privacy(match.text, ctx.redact)) },
        excerpt: excerpt(text, match.start, match.end, ctx.redact),
        confidential: category?.confidential ?? match.clause === 'S1',
        violation,
        ...(exemption ? { exemptionId: exemption.exemption_id } : {}),
      };
      ctx.scan.hits.add(hit);
      if (violation) for (const tracker of this.violationTrackers) tracker.violation!(hit);
    }
  }

  private exemptionFor(message: MessageRow, categoryId: string): ExemptionRow | undefined {
    const list = this.exemptions.get(`${message.group_id}\u0000${categoryId}`);
    return list?.find(
      (e) =>
        (e.member_id === undefined || e.member_id === '' || e.member_id === message.sender_id) &&
        e.valid_from <= message.sent_at &&
        message.sent_at <= e.valid_to,
    );
  }
}
