// Property documentation from the schema: zh-CN and en text and the clauses it implements.
import { clauseById, resolveRef, schemasAt, type SchemaNode } from '../engine.js';
import type { Locale } from './convert.js';
import { say, traditional } from '../engine.js';

export function propertySchemas(path: (string | number)[]): SchemaNode[] {
  return schemasAt(path).flatMap((node) => [node, ...(node.anyOf ?? node.oneOf ?? []).map(resolveRef)]);
}

export function propertyDocs(node: SchemaNode, key: string, locale: Locale): string {
  // The schema's Chinese is Simplified; zh-TW reads its generated Traditional form.
  const source = node['x-i18n']?.['zh-CN'];
  const zh = source && (locale === 'zh-TW' ? { title: traditional(source.title), description: traditional(source.description) } : source);
  const clauses = (node['x-clauses'] ?? []).map((id) => {
    const clause = clauseById.get(id);
    return clause ? `**${id}** ${clause.summary[locale]}` : id;
  });
  const lines =
    locale !== 'en'
      ? [`**${key}**${zh ? ` — ${zh.title}` : ''}`, '', zh?.description ?? node.description ?? '', '', `*${node.description ?? ''}*`]
      : [`**${key}**`, '', node.description ?? '', '', zh ? `*${zh.title}：${zh.description}*` : ''];
  if (clauses.length) lines.push('', say(locale, '条款：', 'Clauses:'), ...clauses.map((c) => `- ${c}`));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
