// The content matcher (N1 N2 N4 S1 S2): normalization, allow list, patterns and detectors.
export { normalizeOptionsFrom, type NormalizeOptions } from './normalize-options.js';
export { normalizeTerm } from './normalize-term.js';
export { compilePattern, type PatternCheck } from './pattern.js';
