// Wording shared by the rules' messages: people, groups, ratings and actions by the names people know
// them by. Ids stay in the findings' own columns (memberId, groupId, evidence), never in the text.
import type { MessageType } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { PolicyEval } from './context.js';
import { membershipKey } from './context.js';
import { ratingLabel } from '../policy/model/band-tables.js';
import { asWritten, localized } from '../i18n/localized-text.js';

/** The member's name (from the member list, else the roster); the id only when neither has one. */
export function who(ctx: PolicyEval, groupId: string, memberId: string): string {
  return ctx.memberships.get(membershipKey(groupId, memberId))?.name ?? ctx.data.employees.get(memberId)?.name ?? memberId;
}

/** Names are names in every language. */
export const whoEn = who;

/** The group as people call it: the policy's name, with its place among the policy's rooms when it governs several. */
export function groupName(ctx: PolicyEval, groupId: string): LocalizedText {
  const name = ctx.policy.metadata.name;
  const rooms = ctx.policy.groups;
  const index = rooms.indexOf(groupId);
  if (rooms.length === 1 || index === -1) return localized('“{name}”', '“{name}”', { name });
  return localized('“{name}”第 {value} 群', '“{name}” room {value}', { name, value: index + 1 });
}

/** A rating id as its label (ratings[].label / labelEn). */
export function ratingName(ctx: PolicyEval, rating: string): LocalizedText {
  return ratingLabel(ctx.policy, rating);
}

/** A follow-up action id as its label (outcomes.actions[]). */
export function actionName(ctx: PolicyEval, action: string): LocalizedText {
  const declared = ctx.policy.outcomes?.actions?.find((a) => a.id === action);
  return asWritten(declared?.label ?? action, declared?.labelEn ?? declared?.label ?? action);
}

const MESSAGE_TYPE_TEXT: Record<MessageType, LocalizedText> = {
  text: localized('文字', 'text'),
  image: localized('图片', 'image'),
  file: localized('文件', 'file'),
  link: localized('链接', 'link'),
  voice: localized('语音', 'voice message'),
  video: localized('视频', 'video'),
  chatrecord: localized('聊天记录', 'chat record'),
  system: localized('系统消息', 'system message'),
  other: localized('其他消息', 'message'),
};

export function messageTypeName(type: MessageType): LocalizedText {
  return MESSAGE_TYPE_TEXT[type];
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A moment as people write it, in the policy's time zone: "2026-11-12 19:00". */
export function whenText(ctx: PolicyEval, ms: number): string {
  return ctx.month.iso(ms).slice(0, 16).replace('T', ' ');
}
