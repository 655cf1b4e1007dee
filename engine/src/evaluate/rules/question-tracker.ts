// N5's view of the messages: questions (a text with a question marker) waiting for someone else's
// reply within responsiveness.questionReplyHours. A reply (reply_to) or an "@asker" by someone else
// inside the window answers a question, and counts for the answerer (questionsAnswered, E6).
import type { MessageRow } from '../../data/bundle-types.js';
import { membershipKey, type PolicyEval } from '../context.js';
import { excerpt } from '../excerpt.js';
import { containsAny } from '../scan/contains-any.js';
import type { MessageFacts, MessageTracker } from '../scan/message-tracker.js';
import type { TrackerSpec } from '../scan/tracker-spec.js';
import type { MemberStats } from '../scan/member-stats.js';
import { HOUR } from '../time.js';

/** Display names longer than this are not looked up after an "@". */
const MAX_NAME = 16;

export interface Question {
  messageId: string;
  groupId: string;
  senderId: string;
  sentAt: number;
  excerpt: string;
}

interface PendingQuestion extends Question {
  deadline: number;
  answered: boolean;
}

export class QuestionTracker implements MessageTracker {
  /** Questions whose window closed inside the month with no answer. */
  readonly unanswered: Question[] = [];
  /** Questions whose window had not closed when the data ended: not judged. */
  undecided = 0;
  private readonly window?: number;
  private readonly hasQuestionMarker: (text: string) => boolean;
  /** Open questions by message id, and in arrival order for expiry. */
  private readonly open = new Map<string, PendingQuestion>();
  private readonly openOrder: PendingQuestion[] = [];
  private openHead = 0;
  /** Open questions per asker, and asker ids by "group + display name" (for @mentions). */
  private readonly openByAsker = new Map<string, PendingQuestion[]>();
  private readonly byName = new Map<string, string>();

  constructor(private readonly ctx: PolicyEval) {
    this.hasQuestionMarker = containsAny(ctx.settings.questionMarkers);
    if (ctx.settings.questionReplyHours !== undefined) this.window = ctx.settings.questionReplyHours * HOUR;
    for (const m of ctx.memberships.values()) {
      if (m.name && m.name.length <= MAX_NAME) this.byName.set(`${m.groupId}\u0000${m.name}`, m.memberId);
    }
  }

  message(message: MessageRow, facts: MessageFacts | undefined): void {
    if (this.window === undefined) return;
    this.expire(message.sent_at);
    if (!facts) return;
    const text = message.content ?? '';
    if (message.reply_to !== undefined && this.open.size > 0) {
      const question = this.open.get(message.reply_to);
      if (question && !question.answered && question.senderId !== message.sender_id && message.sent_at <= question.deadline) this.answer(question, facts.stats);
    }
    if (message.type !== 'text' || text === '') return;
    this.mention(message, text, facts.stats);
    if (message.recalled || facts.bare || !this.hasQuestionMarker(text)) return;
    const question: PendingQuestion = {
      messageId: message.message_id,
      groupId: message.group_id,
      senderId: message.sender_id,
      sentAt: message.sent_at,
      excerpt: excerpt(text, 0, Math.min(text.length, 20), this.ctx.redact),
      deadline: message.sent_at + this.window,
      answered: false,
    };
    this.open.set(question.messageId, question);
    this.openOrder.push(question);
    const askerKey = membershipKey(question.groupId, question.senderId);
    const list = this.openByAsker.get(askerKey);
    if (list) list.push(question);
    else this.openByAsker.set(askerKey, [question]);
  }

  /** Questions still open are judged only if their window closed before the month and the data ended. */
  finish(): void {
    const dataEnd = Math.max(this.ctx.scan.lastMessageAt, this.ctx.month.end);
    for (let i = this.openHead; i < this.openOrder.length; i++) {
      const question = this.openOrder[i]!;
      if (question.answered) continue;
      if (question.deadline < this.ctx.month.end && question.deadline < dataEnd) this.unanswered.push(strip(question));
      else this.undecided++;
    }
    this.open.clear();
    this.openByAsker.clear();
  }

  /** "@name" of an open question's asker, by someone else, also answers it. Names are looked up by the
   *  text right after each "@", never by scanning every open question. */
  private mention(message: MessageRow, text: string, stats: MemberStats): void {
    if (this.open.size === 0) return;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      const after = text.slice(at + 1, at + 1 + MAX_NAME);
      for (let length = 1; length <= after.length; length++) {
        const asker = this.byName.get(`${message.group_id}\u0000${after.slice(0, length)}`);
        if (asker === undefined || asker === message.sender_id) continue;
        for (const question of this.openByAsker.get(membershipKey(message.group_id, asker)) ?? []) {
          if (!question.answered && message.sent_at <= question.deadline) this.answer(question, stats);
        }
      }
    }
  }

  private answer(question: PendingQuestion, answerer: MemberStats): void {
    question.answered = true;
    this.open.delete(question.messageId);
    this.forgetAsked(question);
    answerer.questionsAnswered++;
  }

  private forgetAsked(question: PendingQuestion): void {
    const key = membershipKey(question.groupId, question.senderId);
    const list = this.openByAsker.get(key);
    if (!list) return;
    const left = list.filter((q) => q !== question);
    if (left.length === 0) this.openByAsker.delete(key);
    else this.openByAsker.set(key, left);
  }

  private expire(now: number): void {
    while (this.openHead < this.openOrder.length) {
      const question = this.openOrder[this.openHead]!;
      if (!question.answered && question.deadline >= now) break;
      this.openHead++;
      if (!question.answered) {
        this.open.delete(question.messageId);
        this.forgetAsked(question);
        if (question.deadline < this.ctx.month.end) this.unanswered.push(strip(question));
        else this.undecided++;
      }
    }
    // Drop the judged head now and then, so a month of questions does not stay in the array.
    if (this.openHead > 4096 && this.openHead * 2 > this.openOrder.length) {
      this.openOrder.splice(0, this.openHead);
      this.openHead = 0;
    }
  }
}

function strip(question: PendingQuestion): Question {
  return { messageId: question.messageId, groupId: question.groupId, senderId: question.senderId, sentAt: question.sentAt, excerpt: question.excerpt };
}

export const questionTracker: TrackerSpec<QuestionTracker> = { name: 'questions (N5)', create: (ctx) => new QuestionTracker(ctx) };
