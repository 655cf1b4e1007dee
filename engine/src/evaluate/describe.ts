// Small wording helpers shared by the rules' messages.
import type { PolicyEval } from './context.js';
import { membershipKey } from './context.js';

/** "张三（zhangsan）" — the member as admins know them, with the id that identifies them. */
export function who(ctx: PolicyEval, groupId: string, memberId: string): string {
  const name = ctx.memberships.get(membershipKey(groupId, memberId))?.name ?? ctx.data.employees.get(memberId)?.name;
  return name && name !== memberId ? `${name}（${memberId}）` : memberId;
}

export function whoEn(ctx: PolicyEval, groupId: string, memberId: string): string {
  const name = ctx.memberships.get(membershipKey(groupId, memberId))?.name ?? ctx.data.employees.get(memberId)?.name;
  return name && name !== memberId ? `${name} (${memberId})` : memberId;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
