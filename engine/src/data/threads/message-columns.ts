// Checked message rows by column, for the trip from the message reader thread to the main thread.
// Structured clone of a million small objects costs a third of parsing them (a property name and a
// value at a time), so the thread never builds row objects: it appends each accepted row's values
// here, and a batch travels as a few large values — numbers (times) in a Float64Array; strings with
// few distinct values (group, sender, type) as indexes into a dictionary that grows across batches
// (the main thread then holds one string per sender); short strings (ids) as one text with end
// offsets; long ones (contents) and anything else as plain arrays. The main thread builds rows of
// the same values as the in-thread reader's rowOf (messageRow: every field named, one shape).
import type { MessageRow } from '../bundle-types.js';
import { tableSpecs } from '../table-specs.js';

const SPEC = tableSpecs.messages;
const FIELDS = SPEC.fields;
const NAMES = FIELDS.map((field) => field.name);
const ID_FIELD = NAMES.indexOf('message_id');
const SENT_FIELD = NAMES.indexOf('sent_at');

/** Stage 2 of the row checks (RowChecker.admit): whether a coerced row is accepted, in file order. */
export interface Admitter {
  admit(hashHigh: number, hashLow: number, id: string, sent: number, file: string, line: number): boolean;
}
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
  /** Lines within the batch's block (the whole file when it is not split, message-blocks.ts). */
  lines: Int32Array;
  /** Row i's message id hash is (hashes[2i], hashes[2i + 1]) (RowChecker.hashHigh/hashLow). */
  hashes: Uint32Array;
  columns: Column[];
}

/** The reader thread's side: collects accepted rows, then hands them over a batch at a time. */
export class MessageColumnWriter {
  private rows: unknown[][] = FIELDS.map(() => []);
  private lines: number[] = [];
  private hashes: number[] = [];
  private readonly dictionaries: (Map<string, number> | undefined)[] = FIELDS.map(() => new Map());

  get length(): number {
    return this.lines.length;
  }

  add(values: readonly unknown[], line: number, hashHigh: number, hashLow: number): void {
    for (let f = 0; f < FIELDS.length; f++) this.rows[f]!.push(values[f]);
    this.lines.push(line);
    this.hashes.push(hashHigh, hashLow);
  }

  take(file: string): MessageColumnBatch {
    const length = this.lines.length;
    const columns = this.rows.map((values, f) => this.column(values, f));
    const batch = { length, file, lines: Int32Array.from(this.lines), hashes: Uint32Array.from(this.hashes), columns };
    this.rows = FIELDS.map(() => []);
    this.lines = [];
    this.hashes = [];
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
        if (value === undefined) {
          indexes[i] = -1;
          continue;
        }
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

const AT = Object.fromEntries(NAMES.map((name, f) => [name, f])) as Record<keyof Omit<MessageRow, 'source'>, number>;

/**
 * Row i of a batch, every field present (undefined when it has no value) in one literal: one shape for
 * all message rows, so the scanner's reads stay monomorphic, and no keyed stores (adding the fields
 * that have a value one by one is slow on the main thread's hot path). A literal of its own, used for
 * nothing long-lived: message rows die young (row-lifetimes.ts). The test checks it names every field.
 */
export function messageRow(byField: ArrayLike<unknown>[], i: number, file: string, line: number): MessageRow {
  return {
    source: { file, line },
    message_id: byField[AT.message_id]![i] as string,
    group_id: byField[AT.group_id]![i] as string,
    sender_id: byField[AT.sender_id]![i] as string,
    sent_at: byField[AT.sent_at]![i] as number,
    type: byField[AT.type]![i] as MessageRow['type'],
    content: byField[AT.content]![i] as string | undefined,
    reply_to: byField[AT.reply_to]![i] as string | undefined,
    file_name: byField[AT.file_name]![i] as string | undefined,
    recalled: byField[AT.recalled]![i] as boolean | undefined,
    forwarded: byField[AT.forwarded]![i] as string[] | undefined,
  };
}

/** The main thread's side: rows again, in order, with the values the in-thread reader gives them. */
export class MessageColumnReader {
  private readonly dictionaries: string[][] = FIELDS.map(() => []);

  /**
   * The rows of a batch whose block starts after `lineBase` lines of its file, each admitted (in order)
   * by `admitter` (RowChecker stage 2) before its row is made (messageRow).
   */
  read(batch: MessageColumnBatch, lineBase: number, admitter: Admitter): MessageRow[] {
    const { length, file, lines, hashes } = batch;
    const byField = batch.columns.map((column, f) => this.values(column, f, length));
    const ids = byField[ID_FIELD]!;
    const times = byField[SENT_FIELD]!;
    const rows: MessageRow[] = [];
    for (let i = 0; i < length; i++) {
      const line = lineBase + lines[i]!;
      if (!admitter.admit(hashes[2 * i]!, hashes[2 * i + 1]!, ids[i] as string, times[i] as number, file, line)) continue;
      rows.push(messageRow(byField, i, file, line));
    }
    return rows;
  }

  /** A column's values as a plain array (plain loops: Array.from with a map function cost twice as much). */
  private values(column: Column, f: number, length: number): ArrayLike<unknown> {
    switch (column.kind) {
      case 'values':
        return column.values;
      case 'numbers': {
        const out = new Array<number | undefined>(length);
        const numbers = column.values;
        for (let i = 0; i < length; i++) {
          const v = numbers[i]!;
          out[i] = Number.isNaN(v) ? undefined : v; // NaN: no value
        }
        return out;
      }
      case 'dictionary': {
        const dictionary = this.dictionaries[f]!;
        for (const value of column.added) dictionary.push(value);
        const out = new Array<string | undefined>(length);
        const indexes = column.indexes;
        for (let i = 0; i < length; i++) {
          const index = indexes[i]!;
          out[i] = index === -1 ? undefined : dictionary[index];
        }
        return out;
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
