// The visual editor's catalogue in the user's language: metric names and threshold units, the metrics
// each band table may use, the names of detectors, application fields and clauses — all from the engine's
// catalogue and the schema, so the form names things exactly as hovers and reports do.
import { clauseById, DETECTOR_LABELS, DIMENSION_METRICS, type LocalizedText, type Locale, METRICS, policySchema, traditional } from '../engine.js';
import type { PolicyCatalogue } from '../../visual-editor/policy-catalogue.js';

type EnumLabels = Record<string, { 'zh-CN': string; en: string }>;

export function policyCatalogue(locale: Locale): PolicyCatalogue {
  const text = (t: LocalizedText) => t[locale];
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([id, m]) => [id, { label: text(m.label), unit: unitIn(m.thresholdUnit, locale), min: m.min, max: m.max }]),
  );
  const dimensions = Object.fromEntries(Object.entries(DIMENSION_METRICS).map(([d, m]) => [d, { main: m.main, metrics: [...m.metrics] }]));
  const detectors = Object.fromEntries(Object.entries(DETECTOR_LABELS).map(([id, label]) => [id, text(label)]));
  return { metrics, dimensions, choices: { detectors, requiredFields: enumNames(requiredFieldLabels(), locale), categoryClauses: categoryClauses(locale) } };
}

/** The clauses a content category may enforce (the schema's enum), each with its summary: "N1 文明用语…". */
function categoryClauses(locale: Locale): Record<string, string> {
  const node = policySchema.properties?.content?.properties?.categories?.items?.properties?.clause as { enum?: string[] } | undefined;
  return Object.fromEntries(
    (node?.enum ?? []).map((id) => {
      const summary = clauseById.get(id)?.summary[locale];
      return [id, summary ? `${id} ${summary}` : id];
    }),
  );
}

/**
 * The engine writes threshold units in Chinese (天, 条…), as its reports do; an English form reads them
 * in English. A unit not listed here shows as the engine writes it.
 */
const ENGLISH_UNITS: Record<string, string> = { '%': '%', 分: 'points', 天: 'days', 条: 'messages', 次: 'times', 个: 'items' };

function unitIn(unit: string, locale: Locale): string {
  if (locale === 'en') return ENGLISH_UNITS[unit] ?? unit;
  return locale === 'zh-TW' ? traditional(unit) : unit;
}

function requiredFieldLabels(): EnumLabels {
  const node = policySchema.properties?.membership?.properties?.application?.properties?.requiredFields?.items as { 'x-enum-labels'?: EnumLabels } | undefined;
  return node?.['x-enum-labels'] ?? {};
}

function enumNames(labels: EnumLabels, locale: Locale): Record<string, string> {
  // The schema's Chinese is Simplified; zh-TW reads its generated Traditional form.
  return Object.fromEntries(
    Object.entries(labels).map(([value, l]) => [value, locale === 'en' ? l.en : locale === 'zh-TW' ? traditional(l['zh-CN']) : l['zh-CN']]),
  );
}
