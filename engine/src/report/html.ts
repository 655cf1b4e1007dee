// report.html: one self-contained page (no network) that opens with what to do — the summary line,
// the admin work queue, the members with search, filters and sort, each member's card (the "why" of
// their ratings, the same lines `qungui explain` prints) — then the charts, all findings and the data.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, MemberResult } from '../evaluate/result-types.js';
import { say, type MessageParams } from '../i18n/localized-text.js';
import { escapeHtml } from '../util/escape-html.js';
import { findingTable } from './finding-table.js';
import { SCRIPT, STYLE } from './html-page.js';
import { DIMENSION_TEXT, SEVERITY_TEXT, actionLabel, clauseLabel, policyName, ratingLabel, tableLabel, type LabelBook } from './labels.js';
import { cardAnchor, memberCard } from './member-card.js';
import { cardLines } from './member-card-lines.js';
import { dataCounts, DIMENSIONS, type ReportSummary } from './summary.js';
import { barChart, monthChart, type Bar } from './svg-chart.js';
import { workQueue } from './work-queue.js';
import { changeText, changeTitle, changeWordFor, changesText, percentOf, ratingsLine } from './history-text.js';
import { failingMembers, historyKey, type MemberHistory, type MemberHistoryRow, type RatingChange } from './member-history.js';
import { rateText, signed } from './number-text.js';

/** Findings listed in full on the page; more would make a page browsers open slowly (findings.csv has all). */
const FINDINGS_SHOWN = 500;
/** Rows of the work queue on the page, most urgent first (report.xlsx's 待处理 sheet has them all). */
const QUEUE_SHOWN = 300;
/** Member rows each group's table shows at first and at most after a search (all are searchable). */
const MEMBER_ROWS_SHOWN = 200;

/** A member row: its HTML, what search reads, the overall rating's label, follow-ups or not, the sort values. */
type MemberRow = [string, string, string, 'yes' | 'no', (string | number)[]];

export function reportHtml(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale, history?: MemberHistory | null): string {
  const t = (zh: string, en: string, params?: MessageParams) => say(locale, zh, en, params);
  const parts: string[] = [];
  parts.push(`<h1>${t('培训群月度考核报告（{month}）', 'Training groups: monthly report ({month})', { month: result.month })}</h1>`);
  if (result.problems?.length) {
    parts.push(
      `<div class="problems" role="alert"><b>${t('本月结果不可靠，请先处理以下问题：', 'This month cannot be trusted as it stands. Fix these first:')}</b><ul>${result.problems.map((p) => `<li>${escapeHtml(p.message[locale])}</li>`).join('')}</ul></div>`,
    );
  }
  const queue = workQueue(result, book, locale);
  parts.push(
    `<div class="kpi"><div><b>${result.members.length + (result.staff ?? 0)}</b>${t('成员', 'members')}</div><div><b>${result.members.length}</b>${t('学员', 'learners')}</div><div><b>${queue.length}</b>${t('待处理', 'to act on')}</div><div><b class="sev-error">${summary.bySeverity.error}</b>${t('错误', 'errors')}</div><div><b>${result.findings.length}</b>${t('发现', 'findings')}</div><div><b>${result.data.rejected}</b>${t('被拒绝的数据行', 'rejected rows')}</div></div>`,
  );
  parts.push(
    `<nav class="toc">${[
      ['queue', t('待处理', 'To act on')],
      ['members', t('成员', 'Members')],
      ['cards', t('评级说明', 'Why each rating')],
      ['charts', t('统计', 'Charts')],
      ['findings', t('全部发现', 'All findings')],
      ['data', t('数据', 'Data')],
    ]
      .map(([id, label]) => `<a href="#${id}">${label}</a>`)
      .join('')}</nav>`,
  );

  // The work queue: what someone must do, most urgent first.
  parts.push(`<h2 id="queue">${t('待处理', 'To act on')}</h2>`);
  if (queue.length === 0) parts.push(`<p>${t('本月没有需要处理的事项。', 'Nothing to act on this month.')}</p>`);
  else
    parts.push(
      table(
        [
          t('群', 'Group'),
          t('成员', 'Member'),
          t('事项', 'What happened'),
          t('时间', 'When'),
          t('消息ID', 'Message ID'),
          t('处理', 'Action'),
          t('期限', 'Due'),
        ].map((h) => ({ label: h, sort: true })),
        queue
          .slice(0, QUEUE_SHOWN)
          .map((item) => [
            cell(item.group, 'group'),
            cell(item.member, 'name'),
            `<td class="what"><span class="sev-${item.finding.severity}">${SEVERITY_TEXT[item.finding.severity][locale]}</span> ${escapeHtml(item.what)}</td>`,
            cell(item.when, 'when'),
            cell(item.messageId),
            cell(item.action),
            cell(item.due, 'when'),
          ]),
      ),
    );

  if (queue.length > QUEUE_SHOWN)
    parts.push(
      `<p class="more">${t('共 {count} 项，这里列出最急的 {shown} 项；全部见 report.xlsx 的“待处理”表或 findings.csv', '{count} in all; the {shown} most urgent are listed here, all of them in report.xlsx (To act on) and findings.csv', { count: queue.length, shown: QUEUE_SHOWN })}</p>`,
    );

  // Members: one table per group, with the columns that group is assessed on.
  parts.push(`<h2 id="members">${t('成员', 'Members')}（<span id="member-count">${result.members.length}</span>）</h2>`);
  const ratingLabels = [...new Set(result.members.flatMap((m) => (m.ratings.overall ? [ratingLabel(book, m.policyId, m.ratings.overall, locale)] : [])))];
  parts.push(
    `<div class="controls"><input id="member-search" type="search" placeholder="${escapeHtml(t('搜索姓名或 ID', 'Search a name or id'))}" aria-label="${escapeHtml(t('搜索成员', 'Search members'))}">` +
      select(
        'member-group',
        t('全部群', 'All groups'),
        result.policies.map((p) => [p.id, p.name]),
      ) +
      select(
        'member-rating',
        t('全部综合评级', 'Any overall rating'),
        ratingLabels.map((l) => [l, l]),
      ) +
      select('member-followup', t('有无后续措施', 'Follow-ups or not'), [
        ['yes', t('有后续措施', 'With follow-ups')],
        ['no', t('无后续措施', 'Without follow-ups')],
      ]) +
      '</div>',
  );
  // Each group's rows are made here once, as HTML; the first ones are on the page, all of them travel
  // as data the script filters, sorts and shows (5,000 rows as elements would make the page slow to open).
  const memberRows: Record<string, MemberRow[]> = {};
  for (const policy of result.policies) {
    const inGroup = result.members.filter((m) => m.policyId === policy.id);
    if (!inGroup.length) continue;
    // With history, the members failing months running come first: they are whom the month escalates.
    const failing = history ? failingMembers(result, history, policy.id) : [];
    const failingSet = new Set(failing.map((f) => f.member));
    const members = [...failing.map((f) => f.member), ...inGroup.filter((m) => !failingSet.has(m))];
    const dims = DIMENSIONS.filter((d) => members.some((m) => m.ratings[d] !== null));
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    const rank = (r: string | null) => (r === null ? ratings.length : ratings.indexOf(r));
    const rows: MemberRow[] = members.map((m) => {
      const past = history?.members.get(historyKey(m));
      const cells = [
        cell(m.name ?? m.memberId, 'name'),
        ...dims.map((d) => {
          const r = m.ratings[d];
          const worst = r !== null && rank(r) === ratings.length - 1;
          return `<td class="rating${worst ? ' rating-worst' : ''}">${escapeHtml(ratingLabel(book, m.policyId, r, locale))}</td>`;
        }),
        `<td class="num">${m.points === null ? '' : signed(m.points)}</td>`,
        cell(m.actions.map((a) => actionLabel(book, m.policyId, a, locale)).join(t('、', '; '))),
        ...(past ? historyCells(history!, past, book, m.policyId, locale) : []),
        cell(m.notRated?.[locale] ?? ''),
        `<td><a href="#${cardAnchor(m)}">${t('查看', 'see')}</a></td>`,
      ];
      const sortValues: (string | number)[] = [
        m.name ?? m.memberId,
        ...dims.map((d) => rank(m.ratings[d])),
        m.points ?? -1e9,
        m.actions.length,
        ...(past ? [CHANGE_ORDER.indexOf(past.change), -past.failingRun] : []),
      ];
      return [
        `<tr>${cells.join('')}</tr>`,
        `${m.name ?? ''} ${m.memberId}`.toLowerCase(),
        m.ratings.overall ? ratingLabel(book, m.policyId, m.ratings.overall, locale) : '',
        m.actions.length ? 'yes' : 'no',
        sortValues,
      ];
    });
    memberRows[policy.id] = rows;
    const head = [
      t('姓名', 'Name'),
      ...dims.map((d) => DIMENSION_TEXT[d][locale]),
      t('绩效分', 'Points'),
      t('后续措施', 'Follow-ups'),
      ...(history ? [t('较上月', 'Against last month'), t('近几个月综合评级', 'Overall, recent months')] : []),
    ];
    const more =
      rows.length > MEMBER_ROWS_SHOWN
        ? `<p class="more" data-more>${t('这里列出前 {shown} 人，共 {count} 人；搜索或筛选可找到其余成员', 'The first {shown} of {count} are listed; search or filter to find the others', { shown: MEMBER_ROWS_SHOWN, count: rows.length })}</p>`
        : '';
    parts.push(
      `<section class="members" data-group="${escapeHtml(policy.id)}"><h3>${escapeHtml(policy.name)}</h3>${history ? groupHistory(result, history, policy.id, failing, book, locale) : ''}<div class="scroll"><table><thead><tr>${head
        .map((h, i) => `<th data-sort="${i}">${escapeHtml(h)}</th>`)
        .join('')}<th>${escapeHtml(t('备注', 'Note'))}</th><th>${escapeHtml(t('说明', 'Why'))}</th></tr></thead><tbody>${rows
        .slice(0, MEMBER_ROWS_SHOWN)
        .map((r) => r[0])
        .join('')}</tbody></table></div>${more}</section>`,
    );
  }
  parts.push(`<script type="application/json" id="member-data">${jsonInHtml(memberRows)}</script>`);

  // Member cards: the band tables with each member's values, the overall method, points and follow-ups.
  parts.push(`<h2 id="cards">${t('评级说明', 'Why each rating')}</h2>`);
  const byMember = new Map<string, typeof result.findings>();
  for (const f of result.findings) {
    if (f.memberId === null) continue;
    const key = `${f.policyId}\u0000${f.groupId}\u0000${f.memberId}`;
    const list = byMember.get(key);
    if (list) list.push(f);
    else byMember.set(key, [f]);
  }
  // The cards' lines travel as data and become elements when a card is opened: 5,000 cards as HTML
  // would be most of the page's bytes and most of its opening time.
  const cards: Record<string, [string, string][]> = {};
  for (const m of result.members) {
    const card = memberCard(result, m, book[m.policyId]?.policy, book, byMember.get(`${m.policyId}\u0000${m.groupId}\u0000${m.memberId}`) ?? []);
    cards[card.anchor] = cardLines(card, result.month, locale).map((l) => [l.state ? `${l.kind} ${l.state}` : l.kind, l.text]);
  }
  parts.push(
    `<p class="hint">${t('在成员表中点“查看”打开一名成员的评级说明。', 'Open a member’s card with “see” in the members table.')}</p><div id="card-list"></div>`,
    `<script type="application/json" id="card-data">${jsonInHtml(cards)}</script>`,
  );

  parts.push(`<h2 id="charts">${t('统计', 'Charts')}</h2>`);
  parts.push(charts(result, summary, book, locale));

  // A page a browser opens quickly: the first FINDINGS_SHOWN findings; findings.csv (and --format xlsx) has them all.
  parts.push(`<h2 id="findings">${t('全部发现', 'All findings')}</h2>`);
  // The same columns as findings.csv: words first, ids and codes last.
  const findings = findingTable({ ...result, findings: result.findings.slice(0, FINDINGS_SHOWN) }, book, locale);
  const evidenceColumn = findings.head.length - 4;
  parts.push(
    table(
      findings.head.map((h) => ({ label: h, sort: false })),
      findings.rows.map((row) => row.map((c, i) => (i === evidenceColumn ? `<td><small>${escapeHtml(c)}</small></td>` : cell(c)))),
    ),
  );
  if (result.findings.length > FINDINGS_SHOWN) {
    parts.push(
      `<p class="more">${t('共 {length} 条发现，这里列出前 {FINDINGS_SHOWN} 条；全部见 findings.csv', '{length} findings in all; the first {FINDINGS_SHOWN} are listed here, all of them in findings.csv', { length: result.findings.length, FINDINGS_SHOWN })}</p>`,
    );
  }
  parts.push(`<h2 id="data">${t('数据', 'Data')}</h2>`);
  parts.push(
    table(
      [t('表', 'Table'), t('读取', 'Read'), t('接受', 'Accepted'), t('拒绝', 'Rejected')].map((h) => ({ label: h, sort: false })),
      dataCounts(result).map(([name, c]) => [cell(tableLabel(name, locale)), num(c.read), num(c.accepted), num(c.rejected)]),
    ),
  );
  if (result.notEvaluated.length) {
    parts.push(
      `<h2>${t('未评估', 'Not evaluated')}</h2><ul>${result.notEvaluated.map((n) => `<li>${escapeHtml(policyName(result, n.policyId))} · ${escapeHtml(clauseLabel(n.clause, locale))}${t('：', ': ')}${escapeHtml(n.reason[locale])}</li>`).join('')}</ul>`,
    );
  }
  if (result.ungovernedGroups.length) {
    parts.push(
      `<h2>${t('没有群规管辖的群聊', 'Chat rooms no policy governs')}</h2><ul>${result.ungovernedGroups.map((g) => `<li>${escapeHtml(g.groupId)}${t('：', ': ')}${g.messages} ${t('条消息', 'messages')}${t('，', ', ')}${g.members} ${t('人', 'members')}</li>`).join('')}</ul>`,
    );
  }
  return `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(t('月度考核报告 {month}', 'Monthly report {month}', { month: result.month }))}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${parts.join('\n')}\n<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

/** Charts on one scale per kind, with rates; members without data for a dimension shown as such. */
function charts(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale): string {
  const t = (zh: string, en: string, params?: MessageParams) => say(locale, zh, en, params);
  const shownRate = (count: number, total: number) => rateText(count, total, locale);
  const ratingMax = Math.max(1, ...summary.distributions.flatMap((d) => [...d.counts.map((c) => c.count), d.unrated]));
  const parts: string[] = [];
  for (const policy of result.policies) {
    const charts = summary.distributions
      .filter((d) => d.policyId === policy.id)
      .map((d) => {
        const total = d.counts.reduce((a, c) => a + c.count, 0) + d.unrated;
        const bars: Bar[] = d.counts.map((c) => ({ label: ratingLabel(book, policy.id, c.rating, locale), count: c.count, note: shownRate(c.count, total) }));
        if (d.unrated) bars.push({ label: t('无数据', 'no data'), count: d.unrated, note: shownRate(d.unrated, total), muted: true });
        return barChart(`${policy.name} · ${DIMENSION_TEXT[d.dimension][locale]}`, bars, { colorByRank: true, max: ratingMax });
      });
    if (charts.length) parts.push(`<div class="charts" data-policy="${escapeHtml(policy.id)}">${charts.join('')}</div>`);
  }
  parts.push(
    `<div class="charts">${barChart(
      t('绩效分（人数）', 'Points (members)'),
      summary.points.map((p) => ({ label: signed(p.value), count: p.count })),
    )}${barChart(
      t('按条款', 'By clause'),
      summary.byClause.map((c) => ({ label: shortClause(c.clause, locale), key: c.clause, count: c.count })),
    )}${
      summary.byCategory.length
        ? barChart(
            t('按内容类别', 'By content category'),
            summary.byCategory.map((c) => ({ label: categoryName(book, c.category, locale), count: c.count })),
          )
        : ''
    }</div>`,
  );
  return parts.join('\n');
}

/** "M1 入群须提交申请…": the clause id and the start of its summary, to fit beside a bar. */
function shortClause(clause: string, locale: Locale): string {
  const label = clauseLabel(clause, locale);
  const limit = locale === 'en' ? 24 : 12;
  return label.length > limit + clause.length + 1 ? `${label.slice(0, limit + clause.length + 1)}…` : label;
}

/** JSON inside a script element: `<` escaped, so no text in it can close the element. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function select(id: string, all: string, options: string[][]): string {
  return `<select id="${id}" aria-label="${escapeHtml(all)}"><option value="">${escapeHtml(all)}</option>${options.map(([value, label]) => `<option value="${escapeHtml(value!)}">${escapeHtml(label!)}</option>`).join('')}</select>`;
}

function categoryName(book: LabelBook, category: string, locale: Locale): string {
  for (const labels of Object.values(book)) if (labels.categories[category]) return labels.categories[category]![locale];
  return category;
}

function cell(text: string | number, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(String(text))}</td>`;
}

function num(n: number): string {
  return `<td class="num">${n}</td>`;
}

function table(head: { label: string; sort: boolean }[], rows: string[][], attributes?: (row: number) => string): string {
  return `<div class="scroll"><table><thead><tr>${head.map((h) => `<th${h.sort ? ' data-sort' : ''}>${escapeHtml(h.label)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, i) => `<tr${attributes ? attributes(i) : ''}>${r.join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/** Sorting 较上月: better first, then the same, worse, new, nothing to compare. */
const CHANGE_ORDER: RatingChange[] = ['up', 'same', 'down', 'new', null];

function historyCells(history: MemberHistory, row: MemberHistoryRow, book: LabelBook, policyId: string, locale: Locale): string[] {
  // A change in a month the policy changed says what last month's policy would have given.
  const title = row.underLastPolicy === undefined ? changeTitle(row.change, locale) : changeWordFor(row, book, policyId, locale);
  return [
    `<td class="change change-${row.change ?? 'none'}"${title ? ` title="${escapeHtml(title)}" aria-label="${escapeHtml(title)}"` : ''}>${escapeHtml(changeText(row.change, locale))}${row.underLastPolicy !== undefined && row.change ? '<sup class="by-policy">*</sup>' : ''}</td>`,
    `<td class="history${row.failingRun >= 2 ? ' rating-worst' : ''}">${escapeHtml(ratingsLine(history, row, book, policyId, locale))}</td>`,
  ];
}

/** Above a group's table: its months as a chart (best and worst rating shares, average points, the
 *  policy changes marked and named) and the members failing months running. */
function groupHistory(
  _result: EvaluationResult,
  history: MemberHistory,
  policyId: string,
  failing: { member: MemberResult; run: number }[],
  book: LabelBook,
  locale: Locale,
): string {
  const months = history.groups.get(policyId) ?? [];
  const ratings = Object.keys(book[policyId]?.ratings ?? {});
  const best = ratingLabel(book, policyId, ratings[0] ?? null, locale);
  const worst = ratingLabel(book, policyId, ratings.at(-1) ?? null, locale);
  const rateName = (label: string) => say(locale, '{label}率', '{label} rate', { label });
  const chart =
    months.filter((m) => m.held).length < 2
      ? ''
      : monthChart(
          say(locale, '近几个月：{best}率、{worst}率与平均绩效分', 'Recent months: {best} and {worst} rates, average points', { best, worst }),
          [rateName(best), rateName(worst)],
          months.map((m) => ({
            month: m.month,
            values: [percentOf(m.bestRate), percentOf(m.worstRate)],
            note: !m.held
              ? say(locale, '未归档', 'not archived')
              : m.averagePoints === null
                ? say(locale, '无人评级', 'nobody rated')
                : say(locale, '平均 {points} 分', 'avg {points} pts', { points: Math.round(m.averagePoints * 10) / 10 }),
            marked: m.policyChanges.length > 0,
          })),
          say(locale, '群规变动', 'policy changed'),
        );
  const changes = months
    .filter((m) => m.policyChanges.length)
    .map(
      (m) =>
        `<li>${escapeHtml(say(locale, '{month} 起群规变动：{changes}', 'From {month} the policy changed: {changes}', { month: m.month, changes: changesText(m, book, policyId, locale) }))}</li>`,
    )
    .join('');
  const note = changes
    ? `<ul class="policy-changes">${changes}</ul><p class="hint">${escapeHtml(say(locale, '门槛变动的月份，评级的升降可能来自群规而不是学习情况；“较上月”中带 * 的，是按上月的群规评级会不同的成员。', 'In a month whose thresholds changed, a rise or fall in ratings may come from the policy, not from learning; a * beside the change marks members whom last month’s policy would have rated otherwise.'))}</p>`
    : '';
  const failingList = failing.length
    ? `<p class="failing"><b>${escapeHtml(say(locale, '连续不合格：', 'Failing months running: '))}</b>${failing
        .map(({ member, run }) =>
          escapeHtml(
            say(locale, '{name}（连续 {run} 个月{rating}）', '{name} ({rating} {run} months running)', {
              name: member.name ?? member.memberId,
              run,
              rating: ratingLabel(book, member.policyId, member.ratings.overall, locale),
            }),
          ),
        )
        .join(say(locale, '、', ', '))}</p>`
    : '';
  return `<div class="group-history">${chart}${note}${failingList}</div>`;
}
