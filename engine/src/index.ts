// Public API of the qungui engine: what the CLI, the language server and the benchmarks import.
export type { QunguiTrainingGroupPolicy as Policy } from './policy/policy-types.generated.js';
