// Field specs of each bundle table, derived once from schemas/data/<table>.schema.json (the source of
// truth). Rows are checked against these by hand-written coercion, not by ajv per row: a month holds
// millions of messages and the check is on the hot path.
import { localized } from '../i18n/localized-text.js';
import employees from '../../../schemas/data/employees.schema.json' with { type: 'json' };
import members from '../../../schemas/data/members.schema.json' with { type: 'json' };
import applications from '../../../schemas/data/applications.schema.json' with { type: 'json' };
import exits from '../../../schemas/data/exits.schema.json' with { type: 'json' };
import messages from '../../../schemas/data/messages.schema.json' with { type: 'json' };
import assignments from '../../../schemas/data/assignments.schema.json' with { type: 'json' };
import submissions from '../../../schemas/data/submissions.schema.json' with { type: 'json' };
import tests from '../../../schemas/data/tests.schema.json' with { type: 'json' };
import sessions from '../../../schemas/data/sessions.schema.json' with { type: 'json' };
import attendance from '../../../schemas/data/attendance.schema.json' with { type: 'json' };
import exemptions from '../../../schemas/data/exemptions.schema.json' with { type: 'json' };
import type { TableName } from './bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export type FieldKind = 'string' | 'time' | 'date' | 'number' | 'boolean' | 'enum' | 'list';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  values?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
}

export interface TableSpec {
  name: TableName;
  title: LocalizedText;
  fields: FieldSpec[];
  byName: Map<string, FieldSpec>;
}

interface JsonField {
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
}
interface JsonTable {
  required: string[];
  properties: Record<string, JsonField>;
  'x-i18n': { 'zh-CN': { title: string } };
}

const sources: Record<TableName, JsonTable> = {
  employees,
  members,
  applications,
  exits,
  messages,
  assignments,
  submissions,
  tests,
  sessions,
  attendance,
  exemptions,
} as unknown as Record<TableName, JsonTable>;

function kindOf(field: JsonField): FieldKind {
  if (field.enum) return 'enum';
  if (field.type === 'array') return 'list';
  if (field.type === 'number' || field.type === 'integer') return 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.format === 'date-time') return 'time';
  if (field.format === 'date') return 'date';
  return 'string';
}

export const TABLES = Object.keys(sources) as TableName[];

export const tableSpecs: Record<TableName, TableSpec> = Object.fromEntries(
  TABLES.map((name) => {
    const source = sources[name];
    const fields = Object.entries(source.properties).map(
      ([field, spec]): FieldSpec => ({
        name: field,
        kind: kindOf(spec),
        required: source.required.includes(field),
        ...(spec.enum ? { values: spec.enum } : {}),
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
        ...(spec.exclusiveMinimum !== undefined ? { exclusiveMinimum: spec.exclusiveMinimum } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      }),
    );
    return [name, { name, title: localized(source['x-i18n']['zh-CN'].title, name), fields, byName: new Map(fields.map((f) => [f.name, f])) }];
  }),
) as Record<TableName, TableSpec>;
