// qungui diff output: text for a terminal, md to paste into a review, json for scripts.
import type { Change, PolicyDiff } from './diff-results.js';
import { say, sayPair } from '../i18n/localized-text.js';

import type { Locale } from '../diagnostics/diagnostic.js';
const kindText: Record<Change['kind'], [string, string]> = {
  rating: ['评级变化', 'rating'],
  points: ['绩效分变化', 'points'],
  actions: ['措施变化', 'actions'],
  'finding-added': ['新增记录', 'finding added'],
  'finding-removed': ['消失的记录', 'finding removed'],
};

function where(change: Change): string {
  const side = (loc?: { file: string; line: number }) => (loc ? `${loc.file}:${loc.line}` : '—');
  return `${side(change.lines.before)} → ${side(change.lines.after)}`;
}

function summary(diff: PolicyDiff, locale: Locale): string {
  const parts = (Object.keys(diff.counts) as Change['kind'][])
    .filter((k) => diff.counts[k] > 0)
    .map((k) => `${sayPair(locale, kindText[k])} ${diff.counts[k]}`);
  if (diff.changes.length === 0) return say(locale, '两个版本在这份数据上的结果完全相同。', 'Both versions give identical results on this data.');
  return say(locale, '{membersAffected} 名成员受影响；{parts}。', '{membersAffected} member(s) affected; {parts2}.', {
    membersAffected: diff.membersAffected,
    parts: parts.join('，'),
    parts2: parts.join(', '),
  });
}

export function diffText(diff: PolicyDiff, locale: Locale): string {
  const lines = [`${diff.policies.before} → ${diff.policies.after}`, ''];
  for (const change of diff.changes) {
    lines.push(
      `  ${change.groupId ?? '-'}/${change.memberId ?? '-'}  ${sayPair(locale, kindText[change.kind])}  ${change.message[locale]}  (${where(change)})`,
    );
  }
  if (diff.changes.length) lines.push('');
  lines.push(summary(diff, locale));
  return `${lines.join('\n')}\n`;
}

export function diffMarkdown(diff: PolicyDiff, locale: Locale): string {
  const lines = [
    `## ${say(locale, '群规变更影响', 'Policy change impact')}: \`${diff.policies.before}\` → \`${diff.policies.after}\``,
    '',
    summary(diff, locale),
    '',
  ];
  if (diff.changes.length) {
    lines.push(say(locale, '| 群 | 成员 | 变化 | 说明 | 规则位置 |', '| Group | Member | Change | Detail | Policy lines |'), '| --- | --- | --- | --- | --- |');
    for (const change of diff.changes) {
      lines.push(
        `| ${change.groupId ?? ''} | ${change.memberId ?? ''} | ${sayPair(locale, kindText[change.kind])} | ${change.message[locale].replace(/\|/g, '\\|')} | ${where(change)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function diffJson(diff: PolicyDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
