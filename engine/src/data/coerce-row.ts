// One raw record (CSV strings, JSON values, XLSX cells) → a typed row of its table, or the reason it
// is rejected (field and message in both languages). Never throws.
import type { RejectedRow, SourceRef } from './bundle-types.js';
import { parseTime } from './parse-time.js';
import { rowSites } from './row-lifetimes.js';
import type { FieldSpec, TableSpec } from './table-specs.js';
import { localized, type MessageParams } from '../i18n/localized-text.js';

/** A rejection keeps the offending cell apart from its reason (`value`): outputs show it masked and cut
 *  unless the user turns redaction off, so a reason never carries personal data itself. */
export type Coerced = { ok: true; row: Record<string, unknown> } | { ok: false; field?: string; reason: RejectedRow['reason']; value?: string };

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '对', 'x']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '']);

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A field's rejection; a class so the per-field result needs no wrapper object (hot path: every message). */
class Bad {
  constructor(
    readonly field: string,
    readonly reason: RejectedRow['reason'],
    readonly value: string,
  ) {}
}

function bad(field: FieldSpec, value: unknown, zh: string, en: string, params?: MessageParams): Bad {
  const reason = localized(zh, en, params);
  return new Bad(
    field.name,
    localized('{name}：{reason}', '{name}: {reason}', { name: field.name, reason }),
    value instanceof Date ? value.toISOString() : String(value),
  );
}

/** The field's typed value, or why it is rejected. */
function coerceField(field: FieldSpec, value: unknown, zone: string): unknown {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : value instanceof Date ? value.toISOString() : String(value);
    case 'time':
    case 'date': {
      const ms = parseTime(value, zone);
      if (ms === undefined)
        return bad(
          field,
          value,
          '无法识别的时间（应为带时区的 ISO 8601 或 YYYY-MM-DD HH:mm:ss）',
          'unreadable time (expected ISO 8601 with offset or YYYY-MM-DD HH:mm:ss)',
        );
      return ms;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n)) return bad(field, value, '应为数字', 'expected a number');
      if (
        (field.minimum !== undefined && n < field.minimum) ||
        (field.maximum !== undefined && n > field.maximum) ||
        (field.exclusiveMinimum !== undefined && n <= field.exclusiveMinimum)
      ) {
        const range =
          field.maximum !== undefined
            ? `${field.minimum ?? '-∞'}–${field.maximum}`
            : field.exclusiveMinimum !== undefined
              ? `> ${field.exclusiveMinimum}`
              : `≥ ${field.minimum}`;
        return bad(field, value, '超出范围 {range}', 'outside {range}', { range });
      }
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      return bad(field, value, '应为 true/false', 'expected true or false');
    }
    case 'enum': {
      const text = String(value).trim().toLowerCase();
      if (field.values!.includes(text)) return text;
      return bad(field, value, '无效的值（可选：{allowed}）', 'invalid value (allowed: {allowedEn})', {
        allowed: field.values!.join('、'),
        allowedEn: field.values!.join(', '),
      });
    }
    case 'list': {
      if (Array.isArray(value)) return value.map(String);
      try {
        const parsed: unknown = JSON.parse(String(value));
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        /* reported below */
      }
      return bad(field, value, '应为文字列表（JSON 数组）', 'expected a list of strings (JSON array)');
    }
  }
}

/** A required field with no value: an empty cell, or a column the file lacks (then name what it has, for bundle.yaml). */
function missing(name: string, record: Record<string, unknown>): Coerced {
  if (name in record) return { ok: false, field: name, reason: localized('必填字段 {name} 为空', 'required field {name} is empty', { name }) };
  const keys = Object.keys(record);
  const have = keys.slice(0, 12).join('、') + (keys.length > 12 ? '…' : '');
  return {
    ok: false,
    field: name,
    reason: localized(
      '缺少必填列 {name}（这一行有：{value}；列名不同时在 bundle.yaml 的 columns 中映射）',
      'missing required column {name} (this row has: {value2}{value3}; map differing names in bundle.yaml columns)',
      { name, value: have || '无', value2: keys.slice(0, 12).join(', ') || 'none', value3: keys.length > 12 ? ', …' : '' },
    ),
  };
}

export type Rejection = Extract<Coerced, { ok: false }>;

/**
 * The record's typed values by field index into `out` (undefined where a field has none), or why the
 * record is rejected. Never throws. The row object is built apart (rowOf) so the message reader
 * thread can send values by column without making one.
 */
export function coerceValues(spec: TableSpec, record: Record<string, unknown>, zone: string, out: unknown[]): Rejection | undefined {
  const fields = spec.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = record[field.name];
    if (isEmpty(value)) {
      if (field.required) return missing(field.name, record) as Rejection;
      out[i] = field.default;
      continue;
    }
    const result = coerceField(field, value, zone);
    if (result instanceof Bad) return { ok: false, field: result.field, reason: result.reason, value: result.value };
    out[i] = result;
  }
  return crossFieldRejection(spec, out);
}

/** Bounds one field sets for another, which a per-field schema cannot state: a score above its test's maximum. */
function crossFieldRejection(spec: TableSpec, values: readonly unknown[]): Rejection | undefined {
  if (spec.name !== 'tests') return undefined;
  const score = values[spec.fields.findIndex((f) => f.name === 'score')];
  const max = values[spec.fields.findIndex((f) => f.name === 'max_score')];
  if (typeof score === 'number' && typeof max === 'number' && score > max) {
    return { ok: false, field: 'score', reason: localized('分数高于该测试的满分（max_score）', "score is above the test's maximum (max_score)") };
  }
  return undefined;
}

/**
 * The row object of coerced values: `source` first, then the fields that have a value, in schema order.
 * `streamed`: a message row, made where short-lived rows are made (row-lifetimes.ts).
 */
export function rowOf(spec: TableSpec, values: readonly unknown[], source: SourceRef, streamed = false): Record<string, unknown> {
  const row = rowSites(streamed).row(source);
  const fields = spec.fields;
  for (let i = 0; i < fields.length; i++) if (values[i] !== undefined) row[fields[i]!.name] = values[i];
  return row;
}

export function coerceRow(spec: TableSpec, record: Record<string, unknown>, zone: string, source: SourceRef): Coerced {
  const values = new Array<unknown>(spec.fields.length);
  const rejection = coerceValues(spec, record, zone, values);
  return rejection ?? { ok: true, row: rowOf(spec, values, source) };
}
