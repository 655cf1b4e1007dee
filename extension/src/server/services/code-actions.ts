// Quick fixes: every engine diagnostic that carries a `fix` (reorder bands, add the catch-all band, add a
// rating's points, remove a duplicate term, replace an unknown id or key with the suggestion, …), then
// the server's own: declare an id that is used but not declared (declare-id.ts).
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import { toLspDiagnostic, type Locale } from './convert.js';
import { declareIdActions } from './declare-id.js';

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

export function codeActions(uri: string, validated: ValidatedPolicy, range: Range, locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const here = validated.diagnostics.filter((d) => overlaps(d.range, range));
  for (const d of here) {
    if (!d.fix) continue;
    const diagnostic: LspDiagnostic = toLspDiagnostic(d, locale, () => uri);
    actions.push({
      title: d.fix.title[locale],
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: d.fix.edits.map((e) => ({ range: { start: e.range.start, end: e.range.end }, newText: e.newText })) } },
    });
  }
  actions.push(
    ...declareIdActions(
      uri,
      validated,
      here.map((d) => toLspDiagnostic(d, locale, () => uri)),
      locale,
    ),
  );
  return actions;
}
