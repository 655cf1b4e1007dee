// Checked message rows by column, for the trip from the message reader thread to the main thread.
// Structured clone of a million small objects costs a third of parsing them (a property name and a
// value at a time), so the thread never builds row objects: it appends each accepted row's values
// here, and a batch travels as a few large values — numbers (times) in a Float64Array; strings with
// few distinct values (group, sender, type) as indexes into a dictionary that grows across batches
// (the main thread then holds one string per sender); short strings (ids) as one text with end
// offsets; long ones (contents) and anything else as plain arrays. The main thread builds rows
// with rowOf, exactly as the in-thread reader does.
import type { MessageRow } from './bundle-types.js';
import { rowOf } from './coerce-row.js';
import { tableSpecs } from './table-specs.js';

const SPEC = tableSpecs.messages;
const FIELDS = SPEC.fields;
const NUMERIC = FIELDS.map((field) => field.kind === 'time' || field.kind === 'date' || field.kind === 'number');
/** Past this many distinct values (message ids, contents) a field stops being a dictionary. */
const DICTIONARY_LIMIT = 4096;
/** V8 cuts substrings of this length or more as views of their parent: a kept message text (an
 *  excerpt, a question) would keep the whole batch text alive, so longer strings travel one by one. */
const SLICE_VIEW_LENGTH = 13;

type Column =
  | { kind: 'numbers'; values: Float64Array } // NaN: no value
  | { kind: 'dictionary'; added: string[]; indexes: Int32Array } // -1: no value
  | { kind: 'text'; text: string; ends: Int32Array; defined: Uint8Array }
  | { kind: 'values'; values: unknown[] };

export interface MessageColumnBatch {
  length: number;
  file: string;
  lines: Int32Array;
  columns: Column[];
}

/** The reader thread's side: collects accepted rows, then hands them over a batch at a time. */
export class MessageColumnWriter {
  private rows: unknown[][] = FIELDS.map(() => []);
  private lines: number[] = [];
  private readonly dictionaries: (Map<string, number> | undefined)[] = FIELDS.map(() => new Map());

  get length(): number { return this.lines.length; }

  add(values: readonly unknown[], line: number): void {
    for (let f = 0; f < FIELDS.length; f++) this.rows[f]!.push(values[f]);
    this.lines.push(line);
  }

  take(file: string): MessageColumnBatch {
    const length = this.lines.length;
    const columns = this.rows.map((values, f) => this.column(values, f));
    const batch = { length, file, lines: Int32Array.from(this.lines), columns };
    this.rows = FIELDS.map(() => []);
    this.lines = [];
    return batch;
  }

  private column(values: unknown[], f: number): Column {
    if (NUMERIC[f]) return { kind: 'numbers', values: Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN)) };
    let longest = 0;
    for (const value of values) {
      if (value === undefined) continue;
      if (typeof value !== 'string') return { kind: 'values', values };
      if (value.length > longest) longest = value.length;
    }
    const dictionary = this.dictionaries[f];
    if (dictionary) {
      const added: string[] = [];
      const indexes = new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as string | undefined;
        if (value === undefined) { indexes[i] = -1; continue; }
        let index = dictionary.get(value);
        if (index === undefined) {
          index = dictionary.size;
          dictionary.set(value, index);
          added.push(value);
        }
        indexes[i] = index;
      }
      if (dictionary.size > DICTIONARY_LIMIT) this.dictionaries[f] = undefined; // not a dictionary from the next batch on
      return { kind: 'dictionary', added, indexes };
    }
    if (longest >= SLICE_VIEW_LENGTH) return { kind: 'values', values };
    const ends = new Int32Array(values.length);
    const defined = new Uint8Array(values.length);
    let end = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as string | undefined;
      if (value !== undefined) {
        end += value.length;
        defined[i] = 1;
      }
      ends[i] = end;
    }
    return { kind: 'text', text: (values as (string | undefined)[]).join(''), ends, defined };
  }
}

/** The main thread's side: rows again, in the order and shape the in-thread reader makes them. */
export class MessageColumnReader {
  private readonly dictionaries: string[][] = FIELDS.map(() => []);

  read(batch: MessageColumnBatch): MessageRow[] {
    const { length, file, lines } = batch;
    const byField = batch.columns.map((column, f) => this.values(column, f, length));
    const values = new Array<unknown>(FIELDS.length);
    const rows = new Array<MessageRow>(length);
    for (let i = 0; i < length; i++) {
      for (let f = 0; f < FIELDS.length; f++) values[f] = byField[f]![i];
      rows[i] = rowOf(SPEC, values, { file, line: lines[i]! }, true) as unknown as MessageRow;
    }
    return rows;
  }

  private values(column: Column, f: number, length: number): ArrayLike<unknown> {
    switch (column.kind) {
      case 'values':
        return column.values;
      case 'numbers':
        return Array.from(column.values, (v) => (Number.isNaN(v) ? undefined : v));
      case 'dictionary': {
        const dictionary = this.dictionaries[f]!;
        for (const value of column.added) dictionary.push(value);
        return Array.from(column.indexes, (index) => (index === -1 ? undefined : dictionary[index]));
      }
      case 'text': {
        const out = new Array<string | undefined>(length);
        let start = 0;
        for (let i = 0; i < length; i++) {
          const end = column.ends[i]!;
          out[i] = column.defined[i] ? column.text.slice(start, end) : undefined;
          start = end;
        }
        return out;
      }
    }
  }
}
