// Consumes one policy's messages, one at a time, in file order, updating per-member counters and
// keeping only what rules need later (matches, unanswered questions, materials). Clauses fed here:
// M3/E3/E6 counters, N1 N2 N4 S1 S2 matches, N5 questions, A3 reactions, C1–C3 materials, S4 forwards.
import type { ExemptionRow, MessageRow } from '../../data/bundle-types.js';
import { isBareAcknowledgement } from '../acknowledgement.js';
import { membershipKey, type PolicyEval } from '../context.js';
import { excerpt, ownCopy } from '../excerpt.js';
import { privacy } from '../../match/mask.js';
import type { ContentMatcher } from '../matcher-port.js';
import { HOUR } from '../time.js';
import type { Hit } from './hit.js';
import { emptyStats, type MemberStats, type Question } from './scan-state.js';
import { RecentSenders } from './recent-senders.js';
import { containsAny } from './contains-any.js';

const MAX_NAME = 16;

/** `number` indexes senderIds: the recent-senders table stores numbers, not id strings. */
interface SenderState { stats: MemberStats; staff: boolean; number: number }
interface GroupState { messages: number; senders: Map<string, SenderState> }

interface PendingQuestion extends Question { deadline: number; answered: boolean }

export class PolicyScanner {
  private readonly recent = new RecentSenders();
  private readonly senderIds: string[] = [];
  private readonly groupStates = new Map<string, GroupState>();
  /** Open questions by message id, and in arrival order for expiry. */
  private readonly open = new Map<string, PendingQuestion>();
  private readonly openOrder: PendingQuestion[] = [];
  private openHead = 0;
  /** Violations waiting for an admin's reaction, per group (A3). */
  private readonly waiting = new Map<string, Hit[]>();
  /** The earliest sentAt among waiting hits (a lower bound: adminReacted only removes). */
  private oldestWaiting = Infinity;
  private readonly exemptions: Map<string, ExemptionRow[]>;
  private readonly replyWindow?: number;
  private readonly adminWindow: number;
  /** Open questions per asker, and asker ids by "group + display name" (for @mentions). */
  private readonly openByAsker = new Map<string, PendingQuestion[]>();
  private readonly byName = new Map<string, string>();

  private readonly hasQuestionMarker: (text: string) => boolean;

  constructor(private readonly ctx: PolicyEval, private readonly matcher: ContentMatcher | undefined) {
    this.hasQuestionMarker = containsAny(ctx.settings.questionMarkers);
    this.exemptions = new Map();
    for (const exemption of ctx.data.rows.exemptions) {
      const key = `${exemption.group_id}\u0000${exemption.category}`;
      const list = this.exemptions.get(key) ?? [];
      list.push(exemption);
      this.exemptions.set(key, list);
    }
    if (ctx.settings.questionReplyHours !== undefined) this.replyWindow = ctx.settings.questionReplyHours * HOUR;
    this.adminWindow = ctx.settings.adminResponseHours * HOUR;
    for (const m of ctx.memberships.values()) {
      if (m.name && m.name.length <= MAX_NAME) this.byName.set(`${m.groupId}\u0000${m.name}`, m.memberId);
    }
  }

  consume(message: MessageRow): void {
    const ctx = this.ctx;
    const scan = ctx.scan;
    const t = message.sent_at;
    const group = this.groupOf(message.group_id);
    group.messages++;
    if (t > scan.lastMessageAt) scan.lastMessageAt = t;
    this.expire(t);
    if (message.type === 'system') return;
    const sender = this.senderIn(group, message.group_id, message.sender_id);
    const stats = sender.stats;
    stats.messages++;
    if (t > stats.lastActive) stats.lastActive = t;
    if (sender.staff) this.adminReacted(message.group_id, t);
    this.recent.remember(message.message_id, sender.number);

    const text = message.content ?? '';
    const bare = message.type === 'text' && isBareAcknowledgement(text);
    const hasContent = !message.recalled && !bare;
    if (hasContent) {
      stats.contentMessages++;
      const day = ctx.month.dayOf(t);
      if (day > 0) stats.dayBits |= 1 << (day - 1);
    }
    if (message.reply_to !== undefined) this.reply(message, stats);
    if (message.type === 'text' && text !== '') this.mention(message, text);

    if (ctx.settings.materialTypes.has(message.type)) {
      scan.materials.push({
        messageId: message.message_id, groupId: message.group_id, senderId: message.sender_id, sentAt: t,
        type: message.type, ...(message.file_name ? { fileName: message.file_name } : {}), hasText: text.trim() !== '',
      });
    }
    if (this.matcher) {
      let violated = false;
      if (text !== '') violated = this.matchText(message, text, false) || violated;
      for (const forwarded of message.forwarded ?? []) violated = this.matchText(message, forwarded, true) || violated;
      if (violated) stats.violations++;
    }
    if (this.replyWindow !== undefined && message.type === 'text' && !message.recalled && !bare && this.isQuestion(text)) {
      scan.questions++;
      const question: PendingQuestion = {
        messageId: message.message_id, groupId: message.group_id, senderId: message.sender_id, sentAt: t,
        excerpt: excerpt(text, 0, Math.min(text.length, 20), ctx.redact), deadline: t + this.replyWindow, answered: false,
      };
      this.open.set(question.messageId, question);
      this.openOrder.push(question);
      const askerKey = membershipKey(question.groupId, question.senderId);
      const list = this.openByAsker.get(askerKey);
      if (list) list.push(question);
      else this.openByAsker.set(askerKey, [question]);
    }
  }

  /** End of data: questions still open are judged only if their window closed before the month ended. */
  finish(): void {
    const scan = this.ctx.scan;
    for (const [groupId, group] of this.groupStates) scan.messagesByGroup.set(groupId, group.messages);
    const dataEnd = Math.max(scan.lastMessageAt, this.ctx.month.end);
    for (let i = this.openHead; i < this.openOrder.length; i++) {
      const question = this.openOrder[i]!;
      if (question.answered) continue;
      if (question.deadline < this.ctx.month.end && question.deadline < dataEnd) scan.unansweredQuestions.push(strip(question));
      else scan.undecidedQuestions++;
    }
    this.open.clear();
    this.openByAsker.clear();
    for (const hits of this.waiting.values()) {
      for (const hit of hits) {
        if (hit.sentAt + this.adminWindow < this.ctx.month.end) scan.unstoppedViolations.push(hit);
      }
    }
    this.waiting.clear();
  }

  private forgetAsked(question: PendingQuestion): void {
    const key = membershipKey(question.groupId, question.senderId);
    const list = this.openByAsker.get(key);
    if (!list) return;
    const left = list.filter((q) => q !== question);
    if (left.length === 0) this.openByAsker.delete(key);
    else this.openByAsker.set(key, left);
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

  private isQuestion(text: string): boolean {
    return text !== '' && this.hasQuestionMarker(text);
  }

  private reply(message: MessageRow, stats: MemberStats): void {
    const to = this.recent.senderOf(message.reply_to!);
    if (to !== -1 && this.senderIds[to] === message.sender_id) return;
    stats.repliesGiven++;
    const question = this.open.get(message.reply_to!);
    if (question && !question.answered && question.senderId !== message.sender_id && message.sent_at <= question.deadline) {
      this.answer(question, message.sender_id, stats);
    }
  }

  /** "@name" of an open question's asker, by someone else, also answers it (N5). Names are looked up
   *  by the text right after each "@" (names are at most MAX_NAME characters), never by scanning every
   *  open question. */
  private mention(message: MessageRow, text: string): void {
    if (this.open.size === 0) return;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      const after = text.slice(at + 1, at + 1 + MAX_NAME);
      for (let length = 1; length <= after.length; length++) {
        const asker = this.byName.get(`${message.group_id}\u0000${after.slice(0, length)}`);
        if (asker === undefined || asker === message.sender_id) continue;
        for (const question of this.openByAsker.get(membershipKey(message.group_id, asker)) ?? []) {
          if (!question.answered && message.sent_at <= question.deadline) this.answer(question, message.sender_id, this.statsOf(membershipKey(message.group_id, message.sender_id)));
        }
      }
    }
  }

  private answer(question: PendingQuestion, _by: string, stats: MemberStats): void {
    question.answered = true;
    this.open.delete(question.messageId);
    this.forgetAsked(question);
    stats.questionsAnswered++;
  }

  private expire(now: number): void {
    while (this.openHead < this.openOrder.length) {
      const question = this.openOrder[this.openHead]!;
      if (!question.answered && question.deadline >= now) break;
      this.openHead++;
      if (!question.answered) {
        this.open.delete(question.messageId);
        this.forgetAsked(question);
        if (question.deadline < this.ctx.month.end) this.ctx.scan.unansweredQuestions.push(strip(question));
        else this.ctx.scan.undecidedQuestions++;
      }
    }
    if (this.openHead > 4096 && this.openHead * 2 > this.openOrder.length) {
      this.openOrder.splice(0, this.openHead);
      this.openHead = 0;
    }
    // Violations waiting for an admin: only walked once the oldest of them can have run out.
    if (this.waiting.size === 0 || this.oldestWaiting + this.adminWindow >= now) return;
    let oldest = Infinity;
    for (const [groupId, hits] of this.waiting) {
      while (hits.length > 0 && hits[0]!.sentAt + this.adminWindow < now) this.ctx.scan.unstoppedViolations.push(hits.shift()!);
      if (hits.length === 0) this.waiting.delete(groupId);
      else if (hits[0]!.sentAt < oldest) oldest = hits[0]!.sentAt;
    }
    this.oldestWaiting = oldest;
  }

  private adminReacted(groupId: string, at: number): void {
    const hits = this.waiting.get(groupId);
    if (!hits) return;
    const left = hits.filter((hit) => hit.sentAt >= at);
    if (left.length === 0) this.waiting.delete(groupId);
    else this.waiting.set(groupId, left);
  }

  /** Runs the matcher over one text; returns whether a counted violation was found. */
  private matchText(message: MessageRow, text: string, forwarded: boolean): boolean {
    const ctx = this.ctx;
    let violated = false;
    for (const match of this.matcher!.match(text)) {
      const category = ctx.categories.get(match.categoryId);
      const exemption = category?.exemptible ? this.exemptionFor(message, match.categoryId) : undefined;
      const counted = ctx.settings.countCategories ? ctx.settings.countCategories.has(match.categoryId) : true;
      const violation = match.severity === 'error' && counted && !exemption;
      const hit: Hit = {
        messageId: message.message_id, groupId: message.group_id, senderId: message.sender_id, sentAt: message.sent_at,
        type: message.type, forwarded, recalled: message.recalled === true, match: { ...match, text: ownCopy(privacy(match.text, ctx.redact)) },
        excerpt: excerpt(text, match.start, match.end, ctx.redact), confidential: category?.confidential ?? match.clause === 'S1',
        violation, ...(exemption ? { exemptionId: exemption.exemption_id } : {}),
      };
      ctx.scan.hits.add(hit);
      if (violation) {
        violated = true;
        if (!hit.recalled) {
          const list = this.waiting.get(message.group_id) ?? [];
          list.push(hit);
          if (hit.sentAt < this.oldestWaiting) this.oldestWaiting = hit.sentAt;
          this.waiting.set(message.group_id, list);
        }
      }
    }
    return violated;
  }

  private exemptionFor(message: MessageRow, categoryId: string): ExemptionRow | undefined {
    const list = this.exemptions.get(`${message.group_id}\u0000${categoryId}`);
    return list?.find((e) => (e.member_id === undefined || e.member_id === '' || e.member_id === message.sender_id)
      && e.valid_from <= message.sent_at && message.sent_at <= e.valid_to);
  }
}

function strip(question: PendingQuestion): Question {
  return { messageId: question.messageId, groupId: question.groupId, senderId: question.senderId, sentAt: question.sentAt, excerpt: question.excerpt };
}

