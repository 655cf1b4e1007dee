// The one diagnostic type shared by schema validation, semantic rules, the CLI formats and the
// language server. Ranges are 0-based UTF-16 offsets into the source text plus 0-based line/character
// positions (LSP convention); the CLI prints 1-based lines and columns (ESLint convention).

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
  /** UTF-16 offsets into the source text, [startOffset, endOffset). */
  startOffset: number;
  endOffset: number;
}

export interface LocalizedText {
  'zh-CN': string;
  /** Traditional Chinese (Taiwan), generated from the zh-CN text of the source (see i18n/). */
  'zh-TW': string;
  en: string;
}

export type Locale = keyof LocalizedText;

export interface RelatedLocation {
  file: string;
  range: Range;
  message: LocalizedText;
}

/** A text edit that fixes the diagnostic; applied to the same file. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
}

export interface Diagnostic {
  /** Stable rule code, e.g. `unknown-id`; each has a page under docs/rules/<code>.md. */
  code: string;
  severity: Severity;
  message: LocalizedText;
  range: Range;
  /** JSON path of the offending node, e.g. `assessment.tests.bands[2].min`. */
  path: string;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Candidate ids for a "did you mean" suggestion. */
  suggestions?: string[];
}
