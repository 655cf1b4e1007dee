// The content matcher (N1 N2 N4 S1 S2): normalization, one automaton for all terms and the allow list,
// RE2 patterns and verified detectors. Compiled once per policy (compileMatcher), used by the
// evaluation engine and the editor.
export { normalizeOptionsFrom, type NormalizeOptions } from './normalize-options.js';
export { normalizeTerm, termNormalizer } from './normalize-term.js';
export { compilePattern, type PatternCheck } from './pattern.js';
export { compileMatcher, MatcherCompileError, type ContentMatch, type ContentMatcher, type CompileProblem } from './compile-matcher.js';
export { isLuhnValid, isValidResidentId, type DetectorId } from './detectors.js';
