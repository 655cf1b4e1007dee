// Where the reader's objects are made, by how long they live. V8 decides per allocation site (one
// object or array literal in the source) whether new objects start in the young or the old
// generation, from how the objects made there have survived ("pretenuring"). The rows of the small
// tables are all kept; message rows die young, a batch at a time. Made at the same literal, a garbage
// collection that lands while a small table is being read teaches the site "long-lived", and every
// message row after it is born old: peak memory then varied by a third between identical runs.
// So each lifetime has its own literals — the functions below, one site each. Keep them apart: two
// lifetimes sharing one of these functions would share its site again.
import type { SourceRef } from './bundle-types.js';

export interface RowSites {
  record<R>(line: number, record: R): { line: number; record: R };
  batch<T>(): T[];
  ref(file: string, line: number): SourceRef;
  row(source: SourceRef): Record<string, unknown>;
}

/** Message rows: read, evaluated and dropped a batch at a time. */
const shortLived: RowSites = {
  record: (line, record) => ({ line, record }),
  batch: () => [],
  ref: (file, line) => ({ file, line }),
  row: (source) => ({ source }),
};

/** Rows of the small tables: kept for the whole evaluation. */
const longLived: RowSites = {
  record: (line, record) => ({ line, record }),
  batch: () => [],
  ref: (file, line) => ({ file, line }),
  row: (source) => ({ source }),
};

/** `streamed`: the messages table (ReadOptions.streamed). */
export function rowSites(streamed: boolean): RowSites {
  return streamed ? shortLived : longLived;
}
