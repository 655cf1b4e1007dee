// What the visual editor needs to know about the policy language that is not in the policy itself:
// metric names and units, the metrics each band table may use, the names of fixed choices. The
// language server fills it from the engine's catalogue in the user's language (the client bundle
// carries no engine).

export interface MetricEntry {
  label: string;
  /** The unit a threshold is written in (%, 天, 条…). */
  unit: string;
  min: number;
  max: number | null;
}

export interface PolicyCatalogue {
  metrics: Record<string, MetricEntry>;
  /** Per dimension, the metric a number `min` means and the metrics its bands may name. */
  dimensions: Record<string, { main: string; metrics: string[] }>;
  /** Value → name, for lists of fixed choices (detectors, application fields, the clauses a content category enforces). */
  choices: { detectors: Record<string, string>; requiredFields: Record<string, string>; categoryClauses: Record<string, string> };
}

export const EMPTY_CATALOGUE: PolicyCatalogue = { metrics: {}, dimensions: {}, choices: { detectors: {}, requiredFields: {}, categoryClauses: {} } };
