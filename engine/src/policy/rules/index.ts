// The registry of semantic rules, in the order their diagnostics read best. Adding a rule means
// adding its file, its docs/rules/<code>.md page, an invalid fixture, and one line here.
import type { PolicyRule } from './rule.js';
import { duplicateId } from './duplicate-id.js';
import { unknownId } from './unknown-id.js';
import { unreachableRating } from './unreachable-rating.js';
import { ratingWithoutPoints } from './rating-without-points.js';
import { bandOrder } from './band-order.js';
import { bandOutOfRange } from './band-out-of-range.js';
import { missingCatchAll } from './missing-catch-all.js';
import { unreachableBand } from './unreachable-band.js';
import { invalidWeights } from './invalid-weights.js';
import { duplicateTerm } from './duplicate-term.js';
import { allowedTerm } from './allowed-term.js';
import { emptyTerm } from './empty-term.js';
import { singleCharTerm } from './single-char-term.js';
import { templatePlaceholder } from './template-placeholder.js';
import { backtrackingRegex, invalidRegex } from './regex-patterns.js';
import { celCost, celSyntax, celType } from './cel.js';
import { invalidTimezone } from './invalid-timezone.js';
import { missingSetting } from './missing-setting.js';

export const policyRules: readonly PolicyRule[] = [
  duplicateId,
  unknownId,
  unreachableRating,
  ratingWithoutPoints,
  bandOrder,
  bandOutOfRange,
  missingCatchAll,
  unreachableBand,
  invalidWeights,
  duplicateTerm,
  allowedTerm,
  emptyTerm,
  singleCharTerm,
  templatePlaceholder,
  invalidRegex,
  backtrackingRegex,
  celSyntax,
  celType,
  celCost,
  invalidTimezone,
  missingSetting,
];

/** Codes reported by loading, the schema and cross-file checks (documented like the rules). */
export const structuralCodes = [
  'yaml-syntax',
  'duplicate-key',
  'alias-limit',
  'multiple-documents',
  'file-too-large',
  'binary-file',
  'empty-file',
  'not-a-mapping',
  'missing-property',
  'unknown-property',
  'wrong-type',
  'invalid-value',
  'out-of-range',
  'invalid-format',
  'duplicate-items',
] as const;
export const crossFileCodes = ['duplicate-group', 'duplicate-policy-id'] as const;

export const allDiagnosticCodes: readonly string[] = [...structuralCodes, ...new Set(policyRules.map((r) => r.code)), ...crossFileCodes];
