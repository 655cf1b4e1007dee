// Quick fix the engine does not give: an id used but never declared (unknown-id) that is not a typo
// gets "declare it" — a new rating (E4) or action (R2) appended to its list, in the list's own style.
// Content categories are left out: a new category needs its clause, severity and terms chosen by a person.
import { isMap, isSeq, type Node } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import { nodeAtPath, type ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';
import { idSites } from './id-sites.js';
import { localized, say } from '../engine.js';

const LISTS = {
  rating: { path: ['ratings'], name: 'ratings', what: localized('评级', 'rating') },
  action: { path: ['outcomes', 'actions'], name: 'outcomes.actions', what: localized('措施', 'action') },
} as const;

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function declareIdActions(uri: string, validated: ValidatedPolicy, diagnostics: LspDiagnostic[], locale: Locale): CodeAction[] {
  const document = validated.document;
  if (!document) return [];
  const actions: CodeAction[] = [];
  const sites = idSites(validated);
  for (const diagnostic of diagnostics.filter((d) => d.code === 'unknown-id')) {
    const site = sites.find((s) => !s.declaration && sameRange(s.range, diagnostic.range));
    if (!site || site.kind === 'category') continue;
    const list = LISTS[site.kind];
    const seq = nodeAtPath(document, [...list.path]).value as Node | undefined;
    if (!isSeq(seq) || seq.flow || seq.items.length === 0) continue;
    const last = seq.items[seq.items.length - 1] as Node;
    if (!last.range) continue;
    const text = validated.text;
    // The last item's own line gives the prefix (`  - `) and whether items are flow maps or block maps.
    const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
    const prefix = text.slice(lineStart, last.range[0]);
    let end = last.range[1];
    while (end > last.range[0] && /\s/.test(text[end - 1]!)) end--;
    const flowItem = isMap(last) && last.flow;
    const indent = ' '.repeat(prefix.length);
    const item = flowItem ? `{ id: ${site.id}, label: ${site.id} }` : `id: ${site.id}\n${indent}label: ${site.id}`;
    const at = validated.lineCounter.linePos(end);
    const position = { line: at.line - 1, character: at.col - 1 };
    actions.push({
      title: say(locale, '在 {name} 中声明{value} “{id}”', "Declare {value} ''{id}'' in {name}", { name: list.name, value: list.what, id: site.id }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: `\n${prefix}${item}` }] } },
    });
  }
  return actions;
}
