// members.csv and findings.csv: views of result.json for HR and admins, UTF-8 with BOM so Excel opens
// the Chinese; CRLF line ends as Excel writes them.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { excelCsv } from '../util/excel-csv.js';
import { findingTable } from './finding-table.js';
import { DIMENSION_TEXT, actionLabel, metricColumns, metricLabel, ratingLabel, type LabelBook } from './labels.js';

export function membersCsv(result: EvaluationResult, book: LabelBook, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const dims = ['assignments', 'tests', 'participation', 'overall'] as const;
  const metrics = metricColumns(result.members);
  const head = zh
    ? [
        '群聊',
        '成员ID',
        '姓名',
        '群规',
        ...dims.map((d) => `${DIMENSION_TEXT[d]['zh-CN']}评级`),
        '绩效分',
        '后续措施',
        '备注',
        ...metrics.map((k) => metricLabel(k, locale)),
      ]
    : [
        'group',
        'member',
        'name',
        'policy',
        ...dims.map((d) => `${DIMENSION_TEXT[d].en} rating`),
        'points',
        'actions',
        'note',
        ...metrics.map((k) => metricLabel(k, locale)),
      ];
  const rows = result.members.map((m) => [
    m.groupId,
    m.memberId,
    m.name ?? '',
    m.policyId,
    ...dims.map((d) => ratingLabel(book, m.policyId, m.ratings[d], locale)),
    m.points ?? '',
    m.actions.map((a) => actionLabel(book, m.policyId, a, locale)).join(zh ? '、' : '; '),
    m.notRated?.[locale] ?? '',
    ...metrics.map((k) => m.metrics[k] ?? ''),
  ]);
  return excelCsv([head, ...rows]);
}

export function findingsCsv(result: EvaluationResult, book: LabelBook, locale: Locale): string {
  const { head, rows } = findingTable(result, book, locale);
  return excelCsv([[...head], ...rows]);
}
