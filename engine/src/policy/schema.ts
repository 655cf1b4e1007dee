// The policy schema as data: loaded once, shared by validation, messages, hover and completion.
import policySchemaJson from '../../../schemas/policy.schema.json' with { type: 'json' };
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { asWritten, localized } from '../i18n/localized-text.js';
import { traditional } from '../i18n/traditional.js';
import { formatPath, type Path } from './paths.js';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  'x-i18n'?: { 'zh-CN': { title: string; description: string } };
  'x-clauses'?: string[];
  'x-ref-kind'?: 'rating' | 'category' | 'action';
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  $ref?: string;
  [keyword: string]: unknown;
}

export interface MetricInfo {
  title: string;
  'x-unit'?: string;
  min: number;
  max: number | null;
  description: string;
  'x-i18n': { 'zh-CN': { title: string; description: string } };
}

export const policySchema = policySchemaJson as unknown as SchemaNode & {
  definitions: Record<string, SchemaNode>;
  'x-metrics': Record<string, MetricInfo>;
};

export function resolveRef(node: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; current.$ref && guard < 10; guard++) {
    const name = current.$ref.replace('#/definitions/', '');
    const target = policySchema.definitions[name];
    if (!target) break;
    // Keep the referring node's own docs (they say what this use of the definition means).
    const { $ref: _ref, ...own } = current;
    current = { ...target, ...own };
  }
  return current;
}

/** Every schema a value at `path` may be checked against (several when anyOf branches apply). */
export function schemasAt(path: Path): SchemaNode[] {
  let current: SchemaNode[] = [resolveRef(policySchema)];
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const node of current.flatMap(expandAlternatives)) {
      if (typeof segment === 'number') {
        if (node.items) next.push(resolveRef(node.items));
      } else {
        const property = node.properties?.[segment];
        if (property) next.push(resolveRef(property));
        else if (node.additionalProperties && typeof node.additionalProperties === 'object') next.push(resolveRef(node.additionalProperties));
      }
    }
    if (next.length === 0) return [];
    current = next;
  }
  return current;
}

export function expandAlternatives(node: SchemaNode): SchemaNode[] {
  const alternatives = node.anyOf ?? node.oneOf;
  if (!alternatives) return [node];
  return [node, ...alternatives.map(resolveRef)];
}

export function schemaAt(path: Path): SchemaNode | undefined {
  return schemasAt(path)[0];
}

/** The human title of the property at `path` (zh-CN from x-i18n, en from the key), for messages
 *  about a value the diagnostic's range already points at: people read 批改时限, not gradingDays. */
export function titleAt(path: Path): LocalizedText {
  const key = keyAt(path);
  const last = path[path.length - 1];
  // An item of a list is named by its list: 提问标记第 2 项 (the item's schema has no title of its own).
  if (typeof last === 'number') {
    const list = schemaAt(path.slice(0, -1))?.['x-i18n']?.['zh-CN'].title;
    if (list) return localized('{title}第 {n} 项', '{key}', { title: localized(list, key), n: last + 1, key });
  }
  const zh = schemaAt(path)?.['x-i18n']?.['zh-CN'].title;
  return zh ? localized(zh, key) : asWritten(key);
}

/** The title with the key to type beside it (名称（name）), for a setting that is not there yet. */
export function titleWithKeyAt(path: Path): LocalizedText {
  const key = keyAt(path);
  const zh = schemaAt(path)?.['x-i18n']?.['zh-CN'].title;
  return zh ? localized('{title}（{key}）', '{key}', { key, title: localized(zh, key) }) : asWritten(key);
}

function keyAt(path: Path): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : String(path[path.length - 2] ?? '');
}

/** A setting as people name it: the schema's titles ("测试考核", "移出 · 违规上限"); in English its keys
 *  in words ("removal · max violations"). */
export function settingName(path: Path): LocalizedText {
  const titles: string[] = [];
  const words: string[] = [];
  for (let i = 1; i <= path.length; i++) {
    const segment = path[i - 1];
    if (typeof segment !== 'string') continue;
    const title = schemaAt(path.slice(0, i))?.['x-i18n']?.['zh-CN'].title;
    if (title) titles.push(title);
    words.push(segment.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  }
  const last2 = <T>(list: T[]) => (list.length >= 3 ? list.slice(-2) : list.slice(-1));
  const shown = last2(titles).join(' · ');
  const english = `“${last2(words).join(' · ')}”`;
  if (!shown) return asWritten(formatPath(path), english);
  return { 'zh-CN': `“${shown}”`, 'zh-TW': `“${last2(titles).map(traditional).join(' · ')}”`, en: english };
}

export function metricInfo(metric: string): MetricInfo | undefined {
  return policySchema['x-metrics'][metric];
}
