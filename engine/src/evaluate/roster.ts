// Who was a member of each governed group during the month, and what kind of member: staff (admins,
// lecturers) are not rated; publishers may post materials (C1); external contacts are outsiders (S4).
import type { ApplicationRow, EmployeeRow, MemberRow } from '../data/bundle-types.js';
import { membershipKey, type Membership } from './context.js';
import type { MonthRange } from './time.js';
import type { Settings } from './settings.js';

export function activeMemberships(
  rows: readonly MemberRow[],
  month: MonthRange,
  settings: Settings,
  employees: ReadonlyMap<string, EmployeeRow>,
  applications: readonly ApplicationRow[],
): Map<string, Membership> {
  // A member who left and rejoined has several rows: the latest join decides.
  const latest = new Map<string, MemberRow>();
  for (const row of rows) {
    if (row.joined_at >= month.end) continue;
    if (row.left_at !== undefined && row.left_at < month.start) continue;
    const key = membershipKey(row.group_id, row.member_id);
    const seen = latest.get(key);
    if (!seen || row.joined_at > seen.joined_at) latest.set(key, row);
  }
  const applicationNames = new Map<string, string>();
  for (const application of applications) {
    if (application.name) applicationNames.set(membershipKey(application.group_id, application.applicant_id), application.name);
  }
  const result = new Map<string, Membership>();
  for (const key of [...latest.keys()].sort()) {
    const row = latest.get(key)!;
    const employee = employees.get(row.member_id);
    const staff = row.role === 'admin' || row.role === 'lecturer' || settings.admins.has(row.member_id);
    const publisher = staff || row.role === 'publisher' || settings.publishers.has(row.member_id);
    const external = row.external === true || settings.externalPrefixes.some((prefix) => row.member_id.startsWith(prefix));
    result.set(key, {
      row,
      key,
      groupId: row.group_id,
      memberId: row.member_id,
      name: row.name ?? employee?.name ?? applicationNames.get(key) ?? null,
      staff,
      publisher,
      external,
      ...(employee ? { employee } : {}),
    });
  }
  return result;
}
