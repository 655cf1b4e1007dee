// Small hand-computed bundles for the evaluation rules: an in-memory Bundle, a substring matcher that
// stands in for engine/src/match, and times written as local Shanghai wall-clock text.
import { DateTime } from 'luxon';
import type { Bundle, TableName, TableRows, TableCounts } from '../../src/data/bundle-types.js';
import { evaluate, type EvaluateInput } from '../../src/evaluate/index.js';
import type { CompileMatcher, ContentMatch } from '../../src/evaluate/matcher-port.js';
import type { EvaluationResult, Finding } from '../../src/evaluate/result-types.js';
import { validatePolicy, type ValidatedPolicy } from '../../src/policy/validate.js';

export const MONTH = '2026-11';

/** '2026-11-05 09:00' in Asia/Shanghai → epoch ms. */
export function at(text: string): number {
  const ms = DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', { zone: 'Asia/Shanghai' }).toMillis();
  if (Number.isNaN(ms)) throw new Error(`bad time ${text}`);
  return ms;
}

export const BASE = `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata: { id: test-policy, name: 测试群, kind: skill, timezone: Asia/Shanghai }
groups: [g1]
admins: [admin1]
ratings:
  - { id: excellent, label: 优秀 }
  - { id: good, label: 良好 }
  - { id: pass, label: 合格 }
  - { id: fail, label: 不合格 }
`;

export function policy(extra: string, base = BASE, file = 'test.qungui.yaml'): ValidatedPolicy {
  const validated = validatePolicy({ file, text: base + extra });
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test policy invalid: ${errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`);
  return validated;
}

type Rows = { [T in TableName]?: Omit<TableRows[T], 'source'>[] };

export function fakeBundle(rows: Rows): Bundle {
  const present = new Set(Object.keys(rows) as TableName[]);
  const withSource = <T extends TableName>(table: T) =>
    (rows[table] ?? []).map((row, i) => ({ ...row, source: { file: `${table}.csv`, line: i + 2 } })) as TableRows[T][];
  const counts: Partial<Record<TableName, TableCounts>> = {};
  for (const table of present) counts[table] = { read: rows[table]!.length, accepted: rows[table]!.length, rejected: 0 };
  return {
    present,
    load: async (table) => withSource(table),
    messages: () => ({
      async *[Symbol.asyncIterator]() {
        for (const message of withSource('messages')) yield message;
      },
    }),
    rejected: [],
    counts,
  };
}

/** Substring matcher over the policy's category terms, plus an 11-digit phone detector. */
export const fakeMatcher: CompileMatcher = (content) => {
  const c = content as
    | {
        categories?: { id: string; clause: string; severity?: 'error' | 'warning' | 'info'; terms?: string[] }[];
        detectors?: string[];
        detectorSeverity?: 'error' | 'warning' | 'info';
      }
    | undefined;
  return {
    match(text: string): ContentMatch[] {
      const found: ContentMatch[] = [];
      for (const category of c?.categories ?? []) {
        (category.terms ?? []).forEach((term, ruleIndex) => {
          for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) {
            found.push({
              start: i,
              end: i + term.length,
              categoryId: category.id,
              clause: category.clause,
              severity: category.severity ?? 'error',
              kind: 'term',
              rule: term,
              ruleIndex,
              text: term,
            });
          }
        });
      }
      if (c?.detectors?.includes('phone')) {
        for (const m of text.matchAll(/1[3-9]\d{9}/g)) {
          found.push({
            start: m.index!,
            end: m.index! + 11,
            categoryId: 'phone',
            clause: 'S1',
            severity: c.detectorSeverity ?? 'error',
            kind: 'detector',
            rule: 'phone',
            ruleIndex: c.detectors.indexOf('phone'),
            text: m[0],
          });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
};

export async function run(policies: ValidatedPolicy | ValidatedPolicy[], rows: Rows, options: Partial<EvaluateInput> = {}): Promise<EvaluationResult> {
  return evaluate({
    policies: Array.isArray(policies) ? policies : [policies],
    bundle: fakeBundle(rows),
    month: MONTH,
    compileMatcher: fakeMatcher,
    ...options,
  });
}

/** Members whose findings carry this code (sorted, `group/member`, or the group for group-level findings). */
export function flagged(result: EvaluationResult, code: string): string[] {
  return result.findings.filter((f) => f.code === code).map((f) => f.memberId ?? `@${f.groupId}`);
}

export function findingsOf(result: EvaluationResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

/** A member row in g1 joined well before the month. */
export function member(member_id: string, extra: Partial<TableRows['members']> = {}): Omit<TableRows['members'], 'source'> {
  return { group_id: 'g1', member_id, joined_at: at('2026-09-01 09:00'), name: member_id, ...extra };
}

let seq = 0;
export function msg(sender_id: string, time: string, content: string, extra: Partial<TableRows['messages']> = {}): Omit<TableRows['messages'], 'source'> {
  seq++;
  return { message_id: `m${String(seq).padStart(5, '0')}`, group_id: 'g1', sender_id, sent_at: at(time), type: 'text', content, ...extra };
}
