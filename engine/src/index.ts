// Public API of the qungui engine: what the CLI, the language server and the benchmarks import.
export type { QunguiTrainingGroupPolicy as Policy } from './policy/policy-types.generated.js';
export type * from './diagnostics/diagnostic.js';
export { rangeFromOffsets } from './diagnostics/range.js';
export { suggest } from './diagnostics/suggest.js';
export { validatePolicy, validatePolicies, isPolicyText, locatePath, type PolicySource, type ValidatedPolicy } from './policy/validate.js';
export { loadPolicyText, MAX_POLICY_BYTES, type LoadedPolicy } from './policy/load.js';
export { nodeAtPath, formatPath, type Path, type PathSegment } from './policy/paths.js';
export { policySchema, schemaAt, schemasAt, resolveRef, metricInfo, type SchemaNode } from './policy/schema.js';
export { declarations, references, type IdKind, type IdSite } from './policy/model/ids.js';
export { bandTables, type BandTable, type BandView } from './policy/model/band-tables.js';
export { allDiagnosticCodes } from './policy/rules/index.js';
export { bandEnvironment, eligibilityEnvironment } from './policy/cel-environments.js';
export * from './evaluate/index.js';
export * from './data/index.js';
export * from './report/index.js';
export * from './match/index.js';

import { configureReaderThreads, type ReaderThreadSettings } from './data/threads/message-thread.js';
export { configureReaderThreads, type ReaderThreadSettings };

/**
 * Reads big message files on reader threads, as the CLI does. Built, this file is dist/index.js and
 * the reader thread dist/message-worker.js; from sources there is none, and messages are read in-thread.
 * Nothing happens on import: a program that wants the threads calls this.
 */
export function useReaderThreads(settings: Omit<ReaderThreadSettings, 'workerUrl'> = {}): void {
  configureReaderThreads({ ...settings, workerUrl: new URL('./message-worker.js', import.meta.url) });
}
