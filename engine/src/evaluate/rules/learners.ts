// Members who are rated and held to the membership rules (M1, M2, M3, E*): everyone but staff
// (admins, lecturers, the policy's `admins`).
import type { Membership, PolicyEval } from '../context.js';

export function learners(ctx: PolicyEval): Membership[] {
  return [...ctx.memberships.values()].filter((m) => !m.staff);
}

export function t(zh: string, en: string) {
  return { 'zh-CN': zh, en };
}
