// Marked fixtures for the in-process language-service tests. In a marked text `‸` is the cursor (at
// most one) and `⟦…⟧` encloses a range (any number, nested or not); the markers are removed and their
// places returned as LSP positions: 0-based line and UTF-16 character, the units of the protocol and of
// the engine's ranges (a Chinese character before a marker counts one, an emoji two; never bytes).
// Fixtures are the real example policies with markers put in by replacing a snippet that occurs exactly
// once, so a test follows the examples as they change and fails loudly when its snippet is gone.
// Ranges are numbered by where they open in the text, whatever order the snippets were given in.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import { validatePolicy, type ValidatedPolicy } from '../../src/server/engine.js';

export const CARET = '‸';
export const OPEN = '⟦';
export const CLOSE = '⟧';
const MARKERS = /[‸⟦⟧]/g;

export type ExampleName = 'onboarding' | 'skill-sales' | 'management';

export function examplePath(name: ExampleName): string {
  return fileURLToPath(new URL(`../../../examples/policies/${name}.qungui.yaml`, import.meta.url));
}

export function example(name: ExampleName): string {
  const text = readFileSync(examplePath(name), 'utf8');
  // A marker already in the example would be read as a fixture's own.
  if (/[‸⟦⟧]/.test(text)) throw new Error(`${name}: the example contains a fixture marker`);
  return text;
}

/** `text` with its only `snippet` replaced; throws when the snippet is missing or not unique. */
export function replaceOnce(text: string, snippet: string, replacement: string): string {
  const at = text.indexOf(snippet);
  if (at === -1) throw new Error(`snippet not found: ${JSON.stringify(snippet)}`);
  if (text.indexOf(snippet, at + 1) !== -1) throw new Error(`snippet occurs more than once: ${JSON.stringify(snippet)}`);
  return text.slice(0, at) + replacement + text.slice(at + snippet.length);
}

/** Puts markers into `text`: each marked snippet, markers removed, must occur exactly once. */
export function mark(text: string, ...markedSnippets: string[]): string {
  return markedSnippets.reduce((out, marked) => {
    const plain = marked.replace(MARKERS, '');
    if (plain === marked) throw new Error(`no marker in ${JSON.stringify(marked)}`);
    return replaceOnce(out, plain, marked);
  }, text);
}

/** Line and character of an offset as LSP counts them: a JS string's indices are already UTF-16 units. */
export function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

export interface Markers {
  text: string;
  caret?: number;
  ranges: [number, number][];
}

/** The text without its markers, the caret's offset and each `⟦…⟧` as offsets, ordered by where it opens. */
export function parseMarkers(marked: string): Markers {
  let text = '';
  let caret: number | undefined;
  const ranges: [number, number][] = [];
  // Ranges nest (a fix's edit around its diagnostic, a section around its key): each close ends the latest open.
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === CARET) {
      if (caret !== undefined) throw new Error('more than one caret');
      caret = text.length;
    } else if (ch === OPEN) {
      open.push(ranges.length);
      ranges.push([text.length, -1]);
    } else if (ch === CLOSE) {
      const index = open.pop();
      if (index === undefined) throw new Error('range closed before it was opened');
      ranges[index]![1] = text.length;
    } else {
      text += ch;
    }
  }
  if (open.length) throw new Error('unclosed range');
  return { text, caret, ranges };
}

export interface Fixture {
  file: string;
  uri: string;
  text: string;
  document: TextDocument;
  validated: ValidatedPolicy;
  /** The caret's offset and position; reading them throws when the fixture has no caret. */
  readonly offset: number;
  readonly position: Position;
  /** Each `⟦…⟧` in the order it opens in the text (not the order of the snippets given to `mark`). */
  ranges: Range[];
  positionAt(offset: number): Position;
}

/** A marked text of an example policy (possibly edited), validated as that example's file. */
export function fixture(marked: string, from: ExampleName): Fixture {
  const { text, caret, ranges } = parseMarkers(marked);
  const file = examplePath(from);
  const uri = pathToFileURL(file).href;
  const at = (offset: number) => positionAt(text, offset);
  const needCaret = () => {
    if (caret === undefined) throw new Error('the fixture has no caret');
    return caret;
  };
  return {
    file,
    uri,
    text,
    document: TextDocument.create(uri, 'qungui', 1, text),
    validated: validatePolicy({ file, text }),
    get offset() {
      return needCaret();
    },
    get position() {
      return at(needCaret());
    },
    ranges: ranges.map(([start, end]) => ({ start: at(start), end: at(end) })),
    positionAt: at,
  };
}

/** An example with markers put in by `mark`: `at('onboarding', 'countCategories: [insult, a‸ds')`. */
export function at(name: ExampleName, ...markedSnippets: string[]): Fixture {
  return fixture(mark(example(name), ...markedSnippets), name);
}

/** The text after `edits`, as an editor applies them. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edit', 'qungui', 1, text), edits);
}
