// The schema's defaults as values a reader of a policy falls back on: one source (the schema, through
// the generated catalogue), so the engine, the rendered regulation and the editor never disagree.
import { SCHEMA_DEFAULTS } from './catalogue.generated.js';
import { at, str } from './view.js';

type Defaults = typeof SCHEMA_DEFAULTS;
type Widen<T> = T extends boolean ? boolean : T extends number ? number : T extends readonly (infer E)[] ? E[] : T;

/** The schema's default at a dotted path (`content.categories[].severity`), as a fresh value. */
export function schemaDefault<K extends keyof Defaults>(path: K): Widen<Defaults[K]> {
  const value = SCHEMA_DEFAULTS[path];
  return (Array.isArray(value) ? [...value] : value) as Widen<Defaults[K]>;
}

export const DEFAULT_TIMEZONE: string = SCHEMA_DEFAULTS['metadata.timezone'];

/** The policy's time zone (metadata.timezone) or the schema's default; safe on a value with schema errors. */
export function timezoneOf(policy: unknown): string {
  return str(at(policy, 'metadata', 'timezone')) ?? DEFAULT_TIMEZONE;
}
