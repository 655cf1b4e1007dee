// Turns "this path is wrong because…" into a Diagnostic with the exact range of the key or value.
import type { Diagnostic, Fix, LocalizedText, RelatedLocation, Severity } from '../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../diagnostics/range.js';
import type { LoadedPolicy } from './load.js';
import { formatPath, nodeAtPath, nodeSpan, type Path } from './paths.js';

export type Target = 'value' | 'key' | 'parent-key';

/** [start, end) offsets of the key or the value at `path`; falls back to the deepest existing node. */
export function spanOf(loaded: LoadedPolicy, path: Path, target: Target = 'value'): [number, number] {
  const document = loaded.document;
  if (!document) return [0, 0];
  if (target === 'parent-key') {
    if (path.length === 0) {
      const first = nodeAtPath(document, []).value;
      const span = nodeSpan(first);
      return span ? [span[0], span[0]] : [0, 0];
    }
    // The key that holds the object (for a list item: the item itself up to its first line).
    const found = nodeAtPath(document, path);
    if (found.key) return nodeSpan(found.key) ?? [0, 0];
    return firstLineOf(loaded, nodeSpan(found.value) ?? [0, 0]);
  }
  const found = nodeAtPath(document, path);
  if (found.depth < path.length) return firstLineOf(loaded, nodeSpan(found.key ?? found.deepest) ?? [0, 0]);
  if (target === 'key' && found.key) return nodeSpan(found.key) ?? [0, 0];
  const span = nodeSpan(found.value ?? found.key);
  if (!span) return [0, 0];
  return firstLineOf(loaded, span);
}

/** Long block values (a whole list or mapping) are marked on their first line only, as editors do. */
function firstLineOf(loaded: LoadedPolicy, [start, end]: [number, number]): [number, number] {
  const newline = loaded.text.indexOf('\n', start);
  if (newline !== -1 && newline < end) {
    let lineEnd = newline;
    if (loaded.text[lineEnd - 1] === '\r') lineEnd--;
    return [start, Math.max(start, lineEnd)];
  }
  return [start, end];
}

export interface Report {
  code: string;
  severity: Severity;
  message: LocalizedText;
  path: Path;
  target?: Target;
  /** Explicit offsets inside the file (e.g. a position inside a CEL string). */
  span?: [number, number];
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: string[];
}

export function buildDiagnostic(loaded: LoadedPolicy, report: Report): Diagnostic {
  const [start, end] = report.span ?? spanOf(loaded, report.path, report.target);
  const diagnostic: Diagnostic = {
    code: report.code,
    severity: report.severity,
    message: report.message,
    range: rangeFromOffsets(loaded.lineCounter, start, end),
    path: formatPath(report.path),
  };
  if (report.related?.length) diagnostic.related = report.related;
  if (report.fix) diagnostic.fix = report.fix;
  if (report.suggestions?.length) diagnostic.suggestions = report.suggestions;
  return diagnostic;
}

export function replaceFix(loaded: LoadedPolicy, span: [number, number], newText: string, title: LocalizedText): Fix {
  return { title, edits: [{ range: rangeFromOffsets(loaded.lineCounter, span[0], span[1]), newText }] };
}
