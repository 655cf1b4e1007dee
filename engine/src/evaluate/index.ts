// Public surface of the evaluation engine: evaluate(), the result types and the rule registry.
export { evaluate, PolicyRejectedError, type EvaluateInput } from './evaluate.js';
export type * from './result-types.js';
export type { CompileMatcher } from './matcher-port.js';
export { evalRules, type EvalRule } from './rules/index.js';
export { maskNumbers } from '../match/mask.js';
export { isBareAcknowledgement } from './acknowledgement.js';
