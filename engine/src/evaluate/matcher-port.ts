// The evaluation engine's view of the content matcher (engine/src/match/, another module). Only this
// shape is relied on, so tests can pass a fake and the matcher can change inside.
export interface ContentMatch {
  /** UTF-16 offsets of the match in the text given to match(). */
  start: number;
  end: number;
  /** Category id, or the detector id for built-in detectors (phone, id-card…). */
  categoryId: string;
  clause: string;
  severity: 'error' | 'warning' | 'info';
  kind: 'term' | 'pattern' | 'detector';
  /** The term or pattern source that matched (detector id for detectors). */
  rule: string;
  /** Index of the rule in the category's terms / patterns list (or in content.detectors). */
  ruleIndex: number;
  /** The matched text. */
  text: string;
}

export interface ContentMatcher {
  match(text: string): ContentMatch[];
}

export type CompileMatcher = (content: unknown) => ContentMatcher;
