// Hover on a key: the property's docs in the user's language, the other language in italics, and the
// regulation clauses it implements. Hover on an id: what it is and where it is declared. Hover on a
// metric (in `metric:` or a band's `min`/`max`): what it measures and its range.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { metricInfo, type ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';
import { idSites, sameId, siteAt } from './id-sites.js';
import { propertyDocs, propertySchemas } from './schema-docs.js';
import { cursorContext } from './yaml-context.js';
import { localized, say } from '../engine.js';

export function hover(text: string, offset: number, validated: ValidatedPolicy | undefined, locale: Locale): Hover | null {
  if (validated) {
    const sites = idSites(validated);
    const site = siteAt(sites, offset);
    if (site) {
      const declared = sameId(sites, site).find((s) => s.declaration);
      const what = { rating: localized('评级', 'rating'), category: localized('内容类别', 'content category'), action: localized('措施', 'action') }[site.kind];
      return {
        contents: {
          kind: MarkupKind.Markdown,
          value: declared
            ? say(locale, '{what} **{id}**，声明于第 {line} 行', '{what} **{id}**, declared on line {line}', {
                what,
                id: site.id,
                line: declared.range.start.line + 1,
              })
            : say(locale, '{what} **{id}**（未声明）', '{what} **{id}** (not declared)', { what, id: site.id }),
        },
      };
    }
  }
  // The key under the cursor.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const column = offset - lineStart;
  const metric = metricHover(text, lineStart, line, column, locale);
  if (metric) return metric;
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

function metricHover(text: string, lineStart: number, line: string, column: number, locale: Locale): Hover | null {
  for (const m of line.matchAll(/[A-Za-z][\w]*/g)) {
    if (column < m.index || column > m.index + m[0].length) continue;
    const info = metricInfo(m[0]);
    if (!info) return null;
    const context = cursorContext(text, lineStart + m.index);
    const isMetricValue = context.valueKey === 'metric';
    const inBand =
      context.path.includes('bands') &&
      (context.path.includes('min') || context.path.includes('max') || context.valueKey === 'min' || context.valueKey === 'max');
    if (!isMetricValue && !inBand) return null;
    const zh = info['x-i18n']['zh-CN'];
    const range = `${info.min}–${info.max ?? '∞'}`;
    const value = say(
      locale,
      '**{value}** — {title}（指标，{range}）\n\n{description}\n\n*{description2}*',
      '**{value}** (metric, {range})\n\n{description2}\n\n*{title}：{description}*',
      { value: m[0], title: localized(zh.title, zh.title), range, description: localized(zh.description, zh.description), description2: info.description },
    );
    return { contents: { kind: MarkupKind.Markdown, value } };
  }
  return null;
}
