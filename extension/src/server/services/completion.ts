// Completion: schema keys where a key goes, enum values, and declared rating / category / action ids
// where an id is expected; snippets for a band table and a whole new policy.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { declarations, resolveRef, type SchemaNode, type ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';
import { propertyDocs, propertySchemas } from './schema-docs.js';
import { cursorContext, siblingKeys } from './yaml-context.js';
import { say } from '../engine.js';

function refKind(node: SchemaNode): 'rating' | 'category' | 'action' | undefined {
  const resolved = resolveRef(node);
  return resolved['x-ref-kind'] ?? (resolved.items ? resolveRef(resolved.items)['x-ref-kind'] : undefined);
}

/**
 * Completion items at `offset`. Each carries a textEdit over the word being typed (ids contain `-`,
 * which editors such as Neovim do not count as part of a word: `advanced-tr` must become
 * `advanced-training`, not `advanced-advanced-training`).
 */
export function complete(
  text: string,
  offset: number,
  validated: ValidatedPolicy | undefined,
  locale: Locale,
  positionAt: (offset: number) => Position,
): CompletionItem[] {
  const items = candidates(text, offset, validated, locale);
  const { wordStart } = cursorContext(text, offset);
  const range = { start: positionAt(wordStart), end: positionAt(offset) };
  return items.map((item) => ({ ...item, textEdit: { range, newText: item.insertText ?? item.label } }));
}

function candidates(text: string, offset: number, validated: ValidatedPolicy | undefined, locale: Locale): CompletionItem[] {
  const context = cursorContext(text, offset);
  const ids = (kind: 'rating' | 'category' | 'action') => {
    const declared = validated?.value !== undefined ? declarations(validated.value) : [];
    return declared
      .filter((d) => d.kind === kind)
      .map((d) => d.id)
      .filter((id, i, all) => all.indexOf(id) === i);
  };
  const items: CompletionItem[] = [];
  if (context.valueKey !== undefined) {
    for (const node of propertySchemas([...context.path, context.valueKey])) {
      const kind = refKind(node);
      if (kind)
        for (const id of ids(kind))
          items.push({
            label: id,
            kind: CompletionItemKind.Reference,
            detail: {
              rating: say(locale, '评级', 'rating'),
              category: say(locale, '内容类别', 'category'),
              action: say(locale, '措施', 'action'),
            }[kind],
          });
      const values = node.enum ?? (node.items ? resolveRef(node.items).enum : undefined);
      for (const value of values ?? []) items.push({ label: String(value), kind: CompletionItemKind.EnumMember });
      if (node.type === 'boolean') items.push({ label: 'true', kind: CompletionItemKind.Value }, { label: 'false', kind: CompletionItemKind.Value });
    }
  } else {
    const seen = siblingKeys(text, offset);
    for (const node of propertySchemas(context.path)) {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (seen.has(key)) continue;
        seen.add(key);
        const resolved = resolveRef(child);
        const isBlock = resolved.type === 'object' || resolved.type === 'array';
        items.push({
          label: key,
          kind: CompletionItemKind.Property,
          detail: resolved['x-i18n']?.['zh-CN'].title,
          documentation: { kind: MarkupKind.Markdown, value: propertyDocs(resolved, key, locale) },
          insertText: isBlock ? `${key}:\n  ` : `${key}: `,
        });
      }
      // Maps keyed by rating id (outcomes.points, outcomes.followUp).
      const names = node.propertyNames ? refKind(node.propertyNames) : undefined;
      if (names) for (const id of ids(names)) if (!seen.has(id)) items.push({ label: id, kind: CompletionItemKind.Reference, insertText: `${id}: ` });
    }
    const last = context.path[context.path.length - 1];
    if (last === 'assessment' || last === 'assignments' || last === 'tests' || last === 'participation') {
      const rated = ids('rating');
      const [best, ...rest] = rated.length ? rated : ['excellent', 'good', 'pass', 'fail'];
      items.push({
        label: say(locale, '档位表（bands）', 'band table (bands)'),
        kind: CompletionItemKind.Snippet,
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: `bands:\n  - { rating: ${best}, min: \${1:90} }\n${rest
          .slice(0, -1)
          .map((r, i) => `  - { rating: ${r}, min: \${${i + 2}:${80 - i * 20}} }\n`)
          .join('')}  - { rating: ${rest[rest.length - 1] ?? best} }`,
      });
    }
    if (context.path.length === 0 && text.trim().length < 40) {
      items.push({
        label: say(locale, '新群规骨架', 'new policy skeleton'),
        kind: CompletionItemKind.Snippet,
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: SKELETON,
      });
    }
  }
  return items;
}

const SKELETON = `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata:
  id: \${1:group-id}
  name: \${2:培训群名称}
  kind: \${3|new-employee,skill,management|}
  timezone: Asia/Shanghai
groups: [\${4:roomid}]
ratings:
  - { id: excellent, label: 优秀 }
  - { id: good, label: 良好 }
  - { id: pass, label: 合格 }
  - { id: fail, label: 不合格 }
assessment:
  tests:
    bands:
      - { rating: excellent, min: 90 }
      - { rating: good, min: 80 }
      - { rating: pass, min: 60 }
      - { rating: fail }
outcomes:
  points: { excellent: 5, good: 2, pass: 0, fail: -3 }
`;
