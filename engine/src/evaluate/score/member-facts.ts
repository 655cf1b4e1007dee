// What a band's `when` may ask about the member (the CEL variable `member`), beside the metrics.
import type { Membership, PolicyEval } from '../context.js';
import { DAY } from '../time.js';

export interface MemberFacts {
  joinedDays: number;
  role: string;
  department: string;
  position: string;
  employmentStatus: string;
}

export function memberFacts(ctx: PolicyEval, m: Membership): MemberFacts {
  return {
    joinedDays: Math.floor((ctx.month.end - m.row.joined_at) / DAY),
    role: m.row.role ?? 'member',
    department: m.employee?.department ?? '',
    position: m.employee?.position ?? '',
    employmentStatus: m.employee?.employment_status ?? '',
  };
}
