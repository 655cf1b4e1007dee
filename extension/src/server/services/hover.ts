// Hover on a key: the property's docs in the user's language, the other language in italics, and the
// regulation clauses it implements. Hover on an id: what it is and where it is declared.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';
import { idSites, sameId, siteAt } from './id-sites.js';
import { propertyDocs, propertySchemas } from './schema-docs.js';
import { cursorContext } from './yaml-context.js';

export function hover(text: string, offset: number, validated: ValidatedPolicy | undefined, locale: Locale): Hover | null {
  if (validated) {
    const sites = idSites(validated);
    const site = siteAt(sites, offset);
    if (site) {
      const declared = sameId(sites, site).find((s) => s.declaration);
      const what = { rating: ['评级', 'rating'], category: ['内容类别', 'content category'], action: ['措施', 'action'] }[site.kind];
      const where = declared ? `${declared.range.start.line + 1}` : undefined;
      return { contents: { kind: MarkupKind.Markdown, value: locale === 'zh-CN' ? `${what[0]} **${site.id}**${where ? `，声明于第 ${where} 行` : '（未声明）'}` : `${what[1]} **${site.id}**${where ? `, declared on line ${where}` : ' (not declared)'}` } };
    }
  }
  // The key under the cursor.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const column = offset - lineStart;
  const keyPattern = /([A-Za-z_][\w-]*)\s*:/g;
  for (let m = keyPattern.exec(line); m; m = keyPattern.exec(line)) {
    if (column < m.index || column > m.index + m[1]!.length) continue;
    const context = cursorContext(text, lineStart + m.index);
    for (const node of propertySchemas([...context.path, m[1]!])) {
      if (!node.description) continue;
      return { contents: { kind: MarkupKind.Markdown, value: propertyDocs(node, m[1]!, locale) } };
    }
  }
  return null;
}
