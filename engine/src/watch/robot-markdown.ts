// What a WeCom group robot posts for alerts: its markdown subset (bold, quotes, <font color>), in the
// chosen language — the clause, the group, the member, the finding's text with its masked excerpt, the
// time and what to do. Alerts waiting together are merged into one message of at most 4,096 bytes
// (the robot's limit), in the order they came.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { clauseById } from '../policy/clauses.js';
import { FINDING_ACTION_TEXT } from '../report/labels.js';
import { markdownText } from '../report/markdown-text.js';
import type { Alert } from './alert.js';

/** The robot's limit for one markdown message, in UTF-8 bytes. */
export const ROBOT_MAX_BYTES = 4096;

function heading(count: number, locale: Locale): string {
  return count === 1
    ? say(locale, '**<font color="warning">群规提醒</font>**', '**<font color="warning">Group rules alert</font>**')
    : say(locale, '**<font color="warning">群规提醒（{count} 条）</font>**', '**<font color="warning">Group rules alerts ({count})</font>**', { count });
}

/** One alert as quoted lines. */
export function alertBlock(alert: Alert, locale: Locale): string {
  const clause = clauseById.get(alert.clause);
  const clauseLine = `${alert.clause} ${clause ? clause.summary[locale] : ''}`.trim();
  const action = alert.action !== undefined ? (FINDING_ACTION_TEXT[alert.action]?.[locale] ?? alert.action) : undefined;
  const time = alert.sentAt.slice(0, 16).replace('T', ' ');
  const who = alert.memberName ?? alert.memberId;
  return [
    `> **${markdownText(clauseLine)}**`,
    `> ${say(locale, '群：{group}', 'Group: {group}', { group: markdownText(alert.groupName[locale]) })}${who ? say(locale, ' · 成员：{who}', ' · Member: {who}', { who: markdownText(who) }) : ''}`,
    `> ${markdownText(alert.message[locale])}`,
    `> <font color="comment">${say(locale, '时间：{time}', 'Time: {time}', { time })} · ${
      action
        ? say(locale, '建议：{action}', 'Suggested: {action}', { action })
        : say(locale, '建议：知悉即可，无需处理', 'Suggested: for information, nothing to do')
    }</font>`,
  ].join('\n');
}

/** The next robot message: as many of the waiting alerts, oldest first, as fit the limit (at least one). */
export function nextRobotMessage(alerts: readonly Alert[], locale: Locale): { content: string; taken: number } {
  const blocks: string[] = [];
  let content = '';
  for (const alert of alerts) {
    const candidate = [heading(blocks.length + 1, locale), ...blocks, alertBlock(alert, locale)].join('\n\n');
    if (Buffer.byteLength(candidate) > ROBOT_MAX_BYTES) break;
    blocks.push(alertBlock(alert, locale));
    content = candidate;
  }
  if (blocks.length > 0) return { content, taken: blocks.length };
  // One alert longer than the limit (names and labels are the policy's): cut at a character.
  return { content: cutToBytes([heading(1, locale), alertBlock(alerts[0]!, locale)].join('\n\n'), ROBOT_MAX_BYTES), taken: 1 };
}

function cutToBytes(text: string, max: number): string {
  const chars = Array.from(text);
  while (Buffer.byteLength(chars.join('')) > max - 3) chars.pop();
  return `${chars.join('')}…`;
}
