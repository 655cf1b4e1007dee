// The evaluation engine's view of the content matcher (engine/src/match/): only this shape is relied on,
// so tests can pass a fake and the matcher can change inside. The match type is the matcher's own.
import type { ContentMatch } from '../match/index.js';

export type { ContentMatch };

export interface ContentMatcher {
  match(text: string): ContentMatch[];
}

export type CompileMatcher = (content: unknown) => ContentMatcher;
