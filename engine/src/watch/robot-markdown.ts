// What a WeCom group robot posts for alerts: its markdown subset (bold, quotes, <font color>), in the
// chosen language — the clause, the group, the member, the finding's text with its masked excerpt, the
// time and what to do. Alerts waiting together are merged into one message of at most 4,096 bytes
// (the robot's limit), in the order they came; a burst too large for that in full is sent as short lines.
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
  const time = alert.sentAt.slice(0, 16).replace('T', ' ');
  const who = alert.memberName ?? alert.memberId;
  return [
    `> **${markdownText(clauseLine)}**`,
    `> ${say(locale, '群：{group}', 'Group: {group}', { group: markdownText(alert.groupName[locale]) })}${who ? say(locale, ' · 成员：{who}', ' · Member: {who}', { who: markdownText(who) }) : ''}`,
    `> ${markdownText(alert.message[locale])}`,
    `> <font color="comment">${say(locale, '时间：{time}', 'Time: {time}', { time })} · ${actionText(alert, locale)}</font>`,
  ].join('\n');
}

/** The suggested action, in words. */
function actionText(alert: Alert, locale: Locale): string {
  const action = alert.action !== undefined ? (FINDING_ACTION_TEXT[alert.action]?.[locale] ?? alert.action) : undefined;
  return action
    ? say(locale, '建议：{action}', 'Suggested: {action}', { action })
    : say(locale, '建议：知悉即可，无需处理', 'Suggested: for information, nothing to do');
}

/**
 * Alerts as short lines under one heading per clause and group (the clause, the group and the action
 * said once): what a burst becomes when its full blocks would not fit one message, so a robot's 20
 * messages a minute carry several hundred alerts and a burst does not build a backlog.
 */
function compactBlocks(alerts: readonly Alert[], locale: Locale): string[] {
  const sections = new Map<string, { head: string; lines: string[] }>();
  for (const alert of alerts) {
    const key = `${alert.clause}\u0000${alert.groupId}\u0000${alert.action ?? ''}`;
    let section = sections.get(key);
    if (!section) {
      const clause = clauseById.get(alert.clause);
      const clauseLine = `${alert.clause} ${clause ? clause.summary[locale] : ''}`.trim();
      const group = say(locale, '群：{group}', 'Group: {group}', { group: markdownText(alert.groupName[locale]) });
      section = { head: `**${markdownText(clauseLine)}** · ${group} · <font color="comment">${actionText(alert, locale)}</font>`, lines: [] };
      sections.set(key, section);
    }
    section.lines.push(`> ${alert.sentAt.slice(0, 16).replace('T', ' ')} ${markdownText(alert.message[locale])}`);
  }
  return [...sections.values()].map((section) => [section.head, ...section.lines].join('\n'));
}

/** The alerts, oldest first, of which the most that fit the limit when laid out by `layout`. */
function mostThatFit(alerts: readonly Alert[], locale: Locale, layout: (taken: readonly Alert[]) => string[]): { content: string; taken: number } {
  // Byte length grows with the count: the largest count that fits, found by halving.
  const contentOf = (count: number) => [heading(count, locale), ...layout(alerts.slice(0, count))].join('\n\n');
  let low = 0;
  let high = alerts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(contentOf(mid)) <= ROBOT_MAX_BYTES) low = mid;
    else high = mid - 1;
  }
  return { content: low > 0 ? contentOf(low) : '', taken: low };
}

/**
 * The next robot message: every waiting alert in full when they fit one message; otherwise as many as
 * fit as short lines (compactBlocks), oldest first; always at least one.
 */
export function nextRobotMessage(alerts: readonly Alert[], locale: Locale): { content: string; taken: number } {
  const full = mostThatFit(alerts, locale, (taken) => taken.map((alert) => alertBlock(alert, locale)));
  if (full.taken === alerts.length) return full;
  const compact = mostThatFit(alerts, locale, (taken) => compactBlocks(taken, locale));
  if (compact.taken > full.taken) return compact;
  if (full.taken > 0) return full;
  // One alert longer than the limit (names and labels are the policy's): cut at a character.
  return { content: cutToBytes([heading(1, locale), alertBlock(alerts[0]!, locale)].join('\n\n'), ROBOT_MAX_BYTES), taken: 1 };
}

function cutToBytes(text: string, max: number): string {
  const chars = Array.from(text);
  while (Buffer.byteLength(chars.join('')) > max - 3) chars.pop();
  return `${chars.join('')}…`;
}
