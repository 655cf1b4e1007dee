// The findings as a table for people (findings.csv and the workbook's findings sheet): names and
// words first, ids and codes in their own columns at the side, where a spreadsheet filter wants them.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, Finding } from '../evaluate/result-types.js';
import { findingActionLabel, SEVERITY_TEXT, type LabelBook } from './labels.js';
import { say } from '../i18n/localized-text.js';
import { traditional } from '../i18n/traditional.js';

const HEAD_ZH = ['条款', '严重程度', '群规', '成员', '说明', '处理', '规则位置', '证据', '群聊ID', '成员ID', '代码'];
const HEAD: Record<Locale, readonly string[]> = {
  'zh-CN': HEAD_ZH,
  'zh-TW': HEAD_ZH.map(traditional),
  en: ['Clause', 'Severity', 'Policy', 'Member', 'Message', 'Action', 'Policy line', 'Evidence', 'Group ID', 'Member ID', 'Code'],
};

export interface FindingTable {
  head: readonly string[];
  rows: string[][];
}

export function findingTable(result: EvaluationResult, book: LabelBook, locale: Locale): FindingTable {
  const policyNames = new Map(result.policies.map((p) => [p.id, p.name ?? p.id]));
  const memberNames = new Map(result.members.map((m) => [`${m.groupId}\u0000${m.memberId}`, m.name]));
  const rows = result.findings.map((f) => {
    const policy = policyNames.get(f.policyId) ?? f.policyId;
    const member = f.memberId === null ? '' : (f.memberName ?? memberNames.get(`${f.groupId}\u0000${f.memberId}`) ?? f.memberId);
    return [
      f.clause,
      SEVERITY_TEXT[f.severity][locale],
      policy,
      member,
      f.message[locale],
      findingActionLabel(book, f, locale),
      say(locale, '第 {line} 行', 'line {line}', { line: f.rule.line }),
      evidenceText(f),
      f.groupId ?? '',
      f.memberId ?? '',
      f.code,
    ];
  });
  return { head: HEAD[locale], rows };
}

/** A one-line reading of a finding's evidence (already excerpted and masked by the engine). */
export function evidenceText(finding: Finding): string {
  return Object.entries(finding.evidence)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}
