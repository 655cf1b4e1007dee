// Wording shared by the rules' messages: people, groups, ratings and actions by the names people know
// them by. Ids stay in the findings' own columns (memberId, groupId, evidence), never in the text.
import type { MessageType } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { PolicyEval } from './context.js';
import { membershipKey } from './context.js';

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
  if (rooms.length === 1 || index === -1) return { 'zh-CN': `“${name}”`, en: `“${name}”` };
  return { 'zh-CN': `“${name}”第 ${index + 1} 群`, en: `“${name}” room ${index + 1}` };
}

/** A rating id as its label (ratings[].label / labelEn). */
export function ratingName(ctx: PolicyEval, rating: string): LocalizedText {
  const declared = ctx.policy.ratings.find((r) => r.id === rating);
  return { 'zh-CN': declared?.label ?? rating, en: declared?.labelEn ?? declared?.label ?? rating };
}

/** A follow-up action id as its label (outcomes.actions[]). */
export function actionName(ctx: PolicyEval, action: string): LocalizedText {
  const declared = ctx.policy.outcomes?.actions?.find((a) => a.id === action);
  return { 'zh-CN': declared?.label ?? action, en: declared?.labelEn ?? declared?.label ?? action };
}

const MESSAGE_TYPE_TEXT: Record<MessageType, LocalizedText> = {
  text: { 'zh-CN': '文字', en: 'text' },
  image: { 'zh-CN': '图片', en: 'image' },
  file: { 'zh-CN': '文件', en: 'file' },
  link: { 'zh-CN': '链接', en: 'link' },
  voice: { 'zh-CN': '语音', en: 'voice message' },
  video: { 'zh-CN': '视频', en: 'video' },
  chatrecord: { 'zh-CN': '聊天记录', en: 'chat record' },
  system: { 'zh-CN': '系统消息', en: 'system message' },
  other: { 'zh-CN': '其他消息', en: 'message' },
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
