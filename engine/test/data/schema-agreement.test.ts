// The reader checks rows by hand (table-specs.ts derives field kinds from schemas/data/*.schema.json;
// ajv per message would not convert times in the policy zone). This keeps the two in agreement: every
// accepted row of the example month, times written back as ISO 8601, passes ajv against its table's
// schema (compiled once per table), and rows ajv refuses are refused by the reader too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/data/open-bundle.js';
import { coerceRow } from '../../src/data/coerce-row.js';
import { TABLES, tableSpecs } from '../../src/data/table-specs.js';
import type { TableName } from '../../src/data/bundle-types.js';

const root = join(import.meta.dirname, '../../..');
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validators = new Map<TableName, ValidateFunction>(
  TABLES.map((t) => [t, ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/data', `${t}.schema.json`), 'utf8')))]),
);

/** A coerced row as its schema describes it: times and dates as ISO text, no source reference. */
function asSchemaRow(table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'source') continue;
    const kind = tableSpecs[table].byName.get(key)?.kind;
    out[key] =
      kind === 'time'
        ? new Date(value as number).toISOString()
        : kind === 'date'
          ? new Date((value as number) + 8 * 3_600_000).toISOString().slice(0, 10)
          : value;
  }
  return out;
}

describe('hand-checked rows agree with schemas/data', () => {
  it('uses only the schema keywords the reader implements', () => {
    const known = new Set(['type', 'minLength', 'format', 'description', 'enum', 'items', 'minimum', 'maximum', 'exclusiveMinimum', 'default']);
    for (const file of readdirSync(join(root, 'schemas/data'))) {
      const schema = JSON.parse(readFileSync(join(root, 'schemas/data', file), 'utf8')) as {
        properties: Record<string, Record<string, unknown>>;
        additionalProperties?: unknown;
      };
      expect(schema.additionalProperties, file).toBeUndefined();
      for (const [field, spec] of Object.entries(schema.properties)) {
        for (const keyword of Object.keys(spec)) expect(known.has(keyword), `${file} ${field}.${keyword}`).toBe(true);
        if (spec.minLength !== undefined) expect(spec.minLength, `${file} ${field}`).toBe(1);
      }
    }
  });

  it('every accepted row of examples/data/2026-10 passes ajv', async () => {
    const bundle = await openBundle(join(root, 'examples/data/2026-10'), { timezone: 'Asia/Shanghai', month: '2026-10' });
    let checked = 0;
    for (const table of TABLES) {
      const rows = table === 'messages' ? ([] as Record<string, unknown>[]) : ((await bundle.load(table)) as unknown as Record<string, unknown>[]);
      if (table === 'messages') for await (const m of bundle.messages()) rows.push(m as unknown as Record<string, unknown>);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        const validate = validators.get(table)!;
        expect(validate(asSchemaRow(table, row)) ? [] : validate.errors, `${table} ${JSON.stringify(row.source)}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(bundle.rejected).toEqual([]);
  });

  it('rows ajv refuses are refused by the reader, naming the same field', () => {
    const cases: [TableName, Record<string, unknown>, string][] = [
      ['messages', { message_id: 'm1', group_id: 'g', sender_id: 'u', sent_at: '2026-10-01T09:00:00+08:00', type: 'sticker' }, 'type'],
      ['messages', { message_id: 'm1', group_id: 'g', sent_at: '2026-10-01T09:00:00+08:00', type: 'text' }, 'sender_id'],
      ['messages', { message_id: 'm1', group_id: 'g', sender_id: 'u', sent_at: '2026-10-01T25:00:00+08:00', type: 'text' }, 'sent_at'],
      ['members', { group_id: 'g', member_id: 'u', joined_at: '2026-10-01T09:00:00+08:00', role: 'owner' }, 'role'],
      ['submissions', { assignment_id: 'a', member_id: 'u', submitted_at: '2026-10-01T09:00:00+08:00', accuracy: 120 }, 'accuracy'],
      ['tests', { test_id: 't', group_id: 'g', member_id: 'u', taken_at: '2026-10-01T09:00:00+08:00', score: 5, max_score: 0 }, 'max_score'],
    ];
    for (const [table, record, field] of cases) {
      const validate = validators.get(table)!;
      expect(validate(record), `${table}.${field}`).toBe(false);
      expect(
        validate.errors!.some((e) => e.instancePath === `/${field}` || (e.params as { missingProperty?: string }).missingProperty === field),
        `${table}.${field}`,
      ).toBe(true);
      const coerced = coerceRow(tableSpecs[table], record, 'Asia/Shanghai', { file: 'x', line: 2 });
      expect(coerced.ok ? undefined : coerced.field, `${table}.${field}`).toBe(field);
    }
  });
});
