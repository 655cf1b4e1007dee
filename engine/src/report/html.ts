// report.html: one self-contained page (no script, no network), zh-CN or en, with inline SVG charts —
// rating distribution per dimension, points, findings by clause and by category — and the tables.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { findingTable } from './finding-table.js';
import { memberTable } from './member-table.js';
import { DIMENSION_TEXT, SEVERITY_TEXT, ratingLabel, type LabelBook, clauseLabel, memberName, policyName, tableLabel } from './labels.js';
import { dataCounts, type ReportSummary } from './summary.js';
import { barChart } from './svg-chart.js';
import { escapeHtml } from '../util/escape-html.js';
import { say, type MessageParams } from '../i18n/localized-text.js';

const style = `body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart text{font-size:12px;fill:#333}.chart .chart-title{font-weight:bold}.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-info{color:#555}
.kpi{display:flex;gap:1.5rem;flex-wrap:wrap}.kpi div{background:#f6f8fa;border:1px solid #e1e4e8;padding:.6rem 1rem;border-radius:6px}.kpi b{display:block;font-size:1.4rem}
.problems{background:#fdecea;border:2px solid #b00020;color:#5f0010;padding:.6rem 1rem;border-radius:6px;margin:1rem 0}`;

export function reportHtml(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale): string {
  const t = (zh: string, en: string, params?: MessageParams) => say(locale, zh, en, params);
  const parts: string[] = [];
  parts.push(`<h1>${t('培训群月度考核报告（{month}）', 'Training groups: monthly report ({month})', { month: result.month })}</h1>`);
  if (result.problems?.length) {
    parts.push(
      `<div class="problems" role="alert"><b>${t('本月结果不可靠，请先处理以下问题：', 'This month cannot be trusted as it stands. Fix these first:')}</b><ul>${result.problems.map((p) => `<li>${escapeHtml(p.message[locale])}</li>`).join('')}</ul></div>`,
    );
  }
  parts.push(
    `<div class="kpi"><div><b>${result.members.length + (result.staff ?? 0)}</b>${t('成员', 'members')}</div><div><b>${result.members.length}</b>${t('学员', 'learners')}</div><div><b>${result.findings.length}</b>${t('发现', 'findings')}</div><div><b class="sev-error">${summary.bySeverity.error}</b>${t('错误', 'errors')}</div><div><b>${summary.workQueue.length}</b>${t('待处理', 'to act on')}</div><div><b>${result.data.rejected}</b>${t('被拒绝的数据行', 'rejected rows')}</div></div>`,
  );

  parts.push(`<h2>${t('评级分布', 'Ratings')}</h2>`);
  for (const policy of result.policies) {
    const charts = summary.distributions
      .filter((d) => d.policyId === policy.id)
      .map((d) =>
        barChart(
          `${policy.name} · ${DIMENSION_TEXT[d.dimension][locale]}`,
          d.counts.map((c) => ({ label: ratingLabel(book, policy.id, c.rating, locale), count: c.count })),
          { colorByRank: true },
        ),
      );
    if (charts.length) parts.push(`<div class="charts" data-policy="${escapeHtml(policy.id)}">${charts.join('')}</div>`);
  }
  parts.push(
    `<h2>${t('绩效分与发现', 'Points and findings')}</h2><div class="charts">` +
      barChart(
        t('绩效分（人数）', 'Points (members)'),
        summary.points.map((p) => ({ label: p.value > 0 ? `+${p.value}` : String(p.value), count: p.count })),
      ) +
      barChart(
        t('按条款', 'By clause'),
        summary.byClause.map((c) => ({ label: c.clause, count: c.count })),
      ) +
      (summary.byCategory.length
        ? barChart(
            t('按内容类别', 'By content category'),
            summary.byCategory.map((c) => ({ label: categoryName(book, c.category, locale), count: c.count })),
          )
        : '') +
      '</div>',
  );

  parts.push(`<h2>${t('需要管理员处理', 'For the admins')}</h2>`);
  parts.push(
    table(
      [t('条款', 'Clause'), t('严重程度', 'Severity'), t('群规', 'Policy'), t('成员', 'Member'), t('说明', 'Message'), t('规则位置', 'Policy line')],
      summary.workQueue.map((f) => [
        escapeHtml(f.clause),
        `<span class="sev-${f.severity}">${SEVERITY_TEXT[f.severity][locale]}</span>`,
        escapeHtml(policyName(result, f.policyId)),
        escapeHtml(memberName(result, f.groupId, f.memberId)),
        escapeHtml(f.message[locale]),
        escapeHtml(t('第 {line} 行', 'line {line}', { line: f.rule.line })),
      ]),
    ),
  );

  parts.push(`<h2>${t('成员', 'Members')}</h2>`);
  // The same columns as members.csv: the person and the results first, the ids at the end.
  const members = memberTable(result, book, locale);
  parts.push(
    table(
      members.head.map((h) => escapeHtml(h)),
      members.rows.map((row) => row.map((cell) => escapeHtml(cell))),
    ),
  );

  // A page a browser opens quickly: the first FINDINGS_SHOWN findings; findings.csv (and --format xlsx) has them all.
  parts.push(`<h2>${t('全部发现', 'All findings')}</h2>`);
  // The same columns as findings.csv: words first, ids and codes last.
  const findings = findingTable({ ...result, findings: result.findings.slice(0, FINDINGS_SHOWN) }, book, locale);
  const evidenceColumn = findings.head.length - 4;
  parts.push(
    table(
      findings.head.map(escapeHtml),
      findings.rows.map((row) => row.map((cell, i) => (i === evidenceColumn ? `<small>${escapeHtml(cell)}</small>` : escapeHtml(cell)))),
    ),
  );
  if (result.findings.length > FINDINGS_SHOWN) {
    parts.push(
      `<p class="more">${t('共 {length} 条发现，这里列出前 {FINDINGS_SHOWN} 条；全部见 findings.csv', '{length} findings in all; the first {FINDINGS_SHOWN} are listed here, all of them in findings.csv', { length: result.findings.length, FINDINGS_SHOWN })}</p>`,
    );
  }
  parts.push(`<h2>${t('数据', 'Data')}</h2>`);
  parts.push(
    table(
      [t('表', 'Table'), t('读取', 'Read'), t('接受', 'Accepted'), t('拒绝', 'Rejected')],
      dataCounts(result).map(([name, c]) => [escapeHtml(tableLabel(name, locale)), String(c.read), String(c.accepted), String(c.rejected)]),
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
  return `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(t('月度考核报告 {month}', 'Monthly report {month}', { month: result.month }))}</title>\n<style>${style}</style>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}

/** Findings listed in full on the page; more would make a page browsers open slowly (findings.csv has all). */
const FINDINGS_SHOWN = 2000;

function categoryName(book: LabelBook, category: string, locale: Locale): string {
  for (const labels of Object.values(book)) if (labels.categories[category]) return labels.categories[category]![locale];
  return category;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
