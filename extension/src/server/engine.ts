// The one door to the engine: the server validates with exactly the code `qungui validate` runs.
export {
  validatePolicies, validatePolicy, withCrossFileDiagnostics, isPolicyText, declarations, references, schemasAt, resolveRef, nodeAtPath, formatPath,
  allDiagnosticCodes, policySchema, metricInfo, renderRegulation, clauseById, evaluate, openBundle, bandTables, labelsFromPolicies, summarize, timezoneOf,
  type EvaluationResult, checkPolicyTestFile, isPolicyTestText,
  type ValidatedPolicy, type Diagnostic, type SchemaNode, type IdSite, type Path,
} from '../../../engine/src/server-api.js';
