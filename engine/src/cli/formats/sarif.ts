// SARIF 2.1.0 for code-scanning UIs. Columns are UTF-16 code units (SARIF's default columnKind
// "utf16CodeUnits"), which is what our ranges count.
import { docsUri, type Formatter } from './format.js';
import { VERSION } from '../version.js';

const level = { error: 'error', warning: 'warning', info: 'note' } as const;

export const formatSarif: Formatter = (reports, options) => {
  const used = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const rules = used.map((code) => ({
    id: code,
    name: code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: code },
    helpUri: docsUri(code),
  }));
  const ruleIndex = new Map(used.map((code, i) => [code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'qungui',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/qungui/qungui',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code),
            level: level[d.severity],
            message: { text: d.message[options.locale] },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(report.file) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
                ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
