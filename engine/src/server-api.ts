// What the language server uses from the engine (bundled into extension/dist/server.js by esbuild).
// The server has no validation logic of its own: diagnostics come from validatePolicies.
export { validatePolicies, validatePolicy, withCrossFileDiagnostics, isPolicyText, type ValidatedPolicy } from './policy/validate.js';
export type { Diagnostic, Locale, LocalizedText } from './diagnostics/diagnostic.js';
export { localeOfTag } from './diagnostics/system-locale.js';
export { localeFromEnvironment } from './diagnostics/system-locale.js';
export { localized, say, asWritten, traditional } from './i18n/index.js';
export { escapeHtml } from './util/escape-html.js';
export { declarations, references, type IdSite } from './policy/model/ids.js';
export { schemasAt, resolveRef, policySchema, metricInfo, type SchemaNode } from './policy/schema.js';
export { nodeAtPath, formatPath, type Path } from './policy/paths.js';
export { allDiagnosticCodes } from './policy/rules/index.js';
export { renderRegulation } from './render/index.js';
export { clauseById } from './policy/clauses.js';
export { evaluate } from './evaluate/index.js';
export type { EvaluationResult } from './evaluate/result-types.js';
export { openBundle } from './data/index.js';
export { bandTables } from './policy/model/band-tables.js';
export { timezoneOf } from './policy/model/defaults.js';
export { writeReports, labelsFromPolicies, summarize } from './report/index.js';
export { checkPolicyTestFile, isPolicyTestText } from './policy-test/check-test-file.js';
export { defaultPolicyId, policyTemplate, type GroupKind } from './init/policy-template.js';
export { METRICS, DIMENSION_METRICS, DETECTOR_LABELS } from './policy/model/catalogue.generated.js';
