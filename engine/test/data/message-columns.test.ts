// The message reader thread's column codec: rows built on the main thread from what crossed the
// thread boundary (structured clone, as postMessage does) are exactly the rows the in-thread reader
// builds (rowOf: the same values; the thread's rows name absent fields too, as undefined), for every value shape a message can have, across batches sharing dictionaries;
// lines are moved by the block's line base, and only the rows the admit callback takes are made.
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/data/coerce-row.js';
import { MessageColumnReader, MessageColumnWriter } from '../../src/data/threads/message-columns.js';
import { tableSpecs } from '../../src/data/table-specs.js';

const spec = tableSpecs.messages;
const fields = spec.fields;

/** Values shaped as RowChecker leaves them: strings, numbers, booleans, lists, absent fields. */
const arbitraryOf = (kind: string) => {
  switch (kind) {
    case 'time':
    case 'date':
    case 'number':
      return fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: undefined });
    case 'boolean':
      return fc.option(fc.boolean(), { nil: undefined });
    case 'list':
      return fc.option(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), { nil: undefined });
    default:
      return fc.option(fc.oneof(fc.constantFrom('g1', 'g2', 'u01', 'text', ''), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 40 })), {
        nil: undefined,
      });
  }
};
const row = fc.tuple(...fields.map((f) => arbitraryOf(f.kind)));

describe('message columns', () => {
  it('rows read back equal rowOf of the values, batch after batch', () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.nat(1000), (batches, lineBase) => {
        const writer = new MessageColumnWriter();
        const reader = new MessageColumnReader();
        batches.forEach((values, b) => {
          for (const [i, v] of values.entries()) writer.add(v, i + 2, 1000 + i, 2000 + i);
          const crossed = deserialize(serialize(writer.take(`m${b}.jsonl`)));
          const seen: unknown[] = [];
          // Every third row refused: the others are made, with their line moved by the base.
          const rows = reader.read(crossed, lineBase, {
            admit(high, low, id, sent, file, line) {
              seen.push([high, low, id, sent, file, line]);
              return (line - lineBase) % 3 !== 1;
            },
          });
          const id = fields.findIndex((f) => f.name === 'message_id');
          const sent = fields.findIndex((f) => f.name === 'sent_at');
          expect(seen).toEqual(values.map((v, i) => [1000 + i, 2000 + i, v[id], v[sent], `m${b}.jsonl`, lineBase + i + 2]));
          expect(rows).toEqual(values.flatMap((v, i) => (i % 3 === 2 ? [] : [rowOf(spec, v, { file: `m${b}.jsonl`, line: lineBase + i + 2 }, true)])));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a row names every schema field, in schema order (one shape for all), and tells an empty string from no value', () => {
    const writer = new MessageColumnWriter();
    const values = fields.map((f) =>
      f.name === 'content'
        ? ''
        : f.name === 'sent_at'
          ? 1_790_000_000_000
          : f.name === 'reply_to'
            ? undefined
            : f.kind === 'boolean'
              ? undefined
              : f.kind === 'list'
                ? undefined
                : `${f.name}-1`,
    );
    writer.add(values, 7, 1, 2);
    const [read] = new MessageColumnReader().read(writer.take('messages.jsonl'), 0, { admit: () => true });
    expect(Object.keys(read!)).toEqual(['source', ...fields.map((f) => f.name)]);
    expect(read).toEqual(rowOf(spec, values, { file: 'messages.jsonl', line: 7 }));
    expect(read!.content).toBe('');
    expect(read!.reply_to).toBeUndefined();
  });
});
