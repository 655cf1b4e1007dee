// Engine diagnostics → LSP diagnostics: same ranges, the user's language, a link to the rule's page.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../engine.js';

import type { Locale } from '../engine.js';

export type { Locale };

export const DOCS_BASE = 'https://github.com/qungui/qungui/blob/main/docs/rules/';

const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic, locale: Locale, uriOf: (file: string) => string): LspDiagnostic {
  return {
    range: { start: d.range.start, end: d.range.end },
    severity: severity[d.severity],
    code: d.code,
    codeDescription: { href: `${DOCS_BASE}${d.code}.md` },
    source: 'qungui',
    message: d.message[locale],
    ...(d.related?.length
      ? {
          relatedInformation: d.related.map((r) => ({
            location: { uri: uriOf(r.file), range: { start: r.range.start, end: r.range.end } },
            message: r.message[locale],
          })),
        }
      : {}),
    data: { path: d.path, ...(d.suggestions ? { suggestions: d.suggestions } : {}) },
  };
}
