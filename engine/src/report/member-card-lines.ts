// A member card as lines in one language: the one reading both views share — `qungui explain` prints
// the lines, report.html wraps each in an element — so the desk and the report never differ.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import type { CardBand, CardCondition, MemberCard } from './member-card.js';
import { SEVERITY_TEXT } from './labels.js';
import { signed } from './number-text.js';

export type CardLineKind = 'title' | 'section' | 'band' | 'note' | 'finding';

export interface CardLine {
  kind: CardLineKind;
  text: string;
  /** For a band: reached, missed or later. */
  state?: CardBand['state'];
}

function condition(c: CardCondition, locale: Locale): string {
  const value = c.value === null ? '–' : `${c.value}${c.unit}`;
  const mark = c.met ? '✓' : '✗';
  return `${c.metric[locale]} ${value} ${c.met ? '≥' : '<'} ${c.threshold}${c.unit} ${mark}`;
}

function bandLine(band: CardBand, locale: Locale): CardLine {
  const marker = band.state === 'reached' ? '→' : band.state === 'missed' ? '✗' : '·';
  const parts = band.conditions.map((c) => condition(c, locale));
  if (band.when) parts.push(say(locale, '附加条件 {when}', 'condition {when}', { when: band.when }));
  const conditions = band.catchAll ? say(locale, '其余成员', 'everyone else') : parts.join(say(locale, '，', ', '));
  return { kind: 'band', state: band.state, text: `${marker} ${band.rating[locale]}${say(locale, '：', ': ')}${conditions}` };
}

export function cardLines(card: MemberCard, month: string, locale: Locale): CardLine[] {
  const lines: CardLine[] = [
    { kind: 'title', text: say(locale, '{name} · {policy}（{month}）', '{name} · {policy} ({month})', { name: card.name, policy: card.policy, month }) },
  ];
  if (card.notRated) lines.push({ kind: 'note', text: card.notRated[locale] });
  for (const d of card.dimensions) {
    lines.push({
      kind: 'section',
      text: d.rating
        ? say(locale, '{dimension}评级：{rating}', '{dimension} rating: {rating}', { dimension: d.name, rating: d.rating })
        : say(locale, '{dimension}评级：无数据', '{dimension} rating: no data', { dimension: d.name }),
    });
    // The whole band table: missed (✗), reached (→), and the ones below it (·) for comparison.
    for (const band of d.bands) lines.push(bandLine(band, locale));
  }
  if (card.overall) {
    lines.push({
      kind: 'section',
      text: say(locale, '综合评级：{rating}', 'Overall rating: {rating}', { rating: card.overall.rating ?? say(locale, '无', 'none') }),
    });
    lines.push({ kind: 'note', text: card.overall.method[locale] });
    for (const band of card.overall.bands ?? []) lines.push(bandLine(band, locale));
  }
  if (card.points)
    lines.push({
      kind: 'section',
      text: say(locale, '绩效分：{points}（{because}）', 'Points: {points} ({because})', { points: signed(card.points.value), because: card.points.because }),
    });
  for (const a of card.actions) lines.push({ kind: 'section', text: say(locale, '后续措施：{action}（{because}）', 'Follow-up: {action} ({because})', a) });
  lines.push({
    kind: 'section',
    text: card.findings.length
      ? say(locale, '本月发现 {count} 条：', '{count, plural, one {# finding} other {# findings}} this month:', { count: card.findings.length })
      : say(locale, '本月没有发现', 'No findings this month'),
  });
  for (const f of card.findings) lines.push({ kind: 'finding', text: `${f.clause} · ${SEVERITY_TEXT[f.severity][locale]} · ${f.message[locale]}` });
  // English sentences start with a capital ("Assignment rating: …"); the names are lower case mid-sentence.
  return locale === 'en' ? lines.map((l) => ({ ...l, text: l.text.charAt(0).toUpperCase() + l.text.slice(1) })) : lines;
}

/** The card as plain text (qungui explain): sections flush left, bands and findings indented. */
export function cardText(card: MemberCard, month: string, locale: Locale): string {
  return `${cardLines(card, month, locale)
    .map((line) => (line.kind === 'band' || line.kind === 'finding' || line.kind === 'note' ? `  ${line.text}` : line.text))
    .join('\n')}\n`;
}
