// The small tables of a bundle (everything but messages), read whole: they are bounded by people and
// assignments, not by chat volume. Shared by the monthly run and `qungui watch`, which reads them again
// when their files change.
import type { Bundle, EmployeeRow, TableName } from '../data/bundle-types.js';
import { maskFields } from '../match/mask.js';
import type { PolicyData, SmallTable } from './context.js';

export const SMALL_TABLES: readonly SmallTable[] = [
  'employees',
  'members',
  'applications',
  'exits',
  'assignments',
  'submissions',
  'tests',
  'sessions',
  'attendance',
  'exemptions',
];

/** The free-text fields of the small tables that outputs show. */
export const DISPLAY_TEXT: readonly [SmallTable, readonly string[]][] = [
  ['employees', ['name']],
  ['members', ['name']],
  ['applications', ['name', 'purpose']],
  ['assignments', ['title']],
];

export interface SmallTables {
  tables: PolicyData['rows'];
  employees: Map<string, EmployeeRow>;
  /** Tables read with no row accepted: no data, like a missing file. */
  emptyTables: ReadonlySet<TableName>;
  /** The tables with data. */
  present: ReadonlySet<TableName>;
}

export async function readSmallTables(bundle: Bundle, redact: boolean): Promise<SmallTables> {
  // Small tables, read whole (they are bounded by people and assignments, not by chat volume).
  const tables = {} as PolicyData['rows'];
  for (const table of SMALL_TABLES) {
    (tables as Record<string, unknown[]>)[table] = bundle.present.has(table) ? await bundle.load(table) : [];
  }
  if (redact) {
    // Names and titles reach every output (finding texts, member tables, charts); a phone number typed
    // into a name cell is masked here, once, like the evidence. Ids are not: they are the join keys.
    const byName = tables as Record<SmallTable, object[]>;
    for (const [table, fields] of DISPLAY_TEXT) byName[table] = maskFields(byName[table], fields);
  }
  const employees = new Map<string, EmployeeRow>(tables.employees.map((e) => [e.employee_id, e]));

  // A table read with no rows accepted (a header and nothing else, or every row rejected) is no data,
  // exactly as a missing file: its clauses are not evaluated rather than judged on nothing.
  const emptyTables = new Set<TableName>(SMALL_TABLES.filter((table) => bundle.present.has(table) && (bundle.counts[table]?.accepted ?? 0) === 0));
  const present = new Set([...bundle.present].filter((table) => !emptyTables.has(table)));
  return { tables, employees, emptyTables, present };
}
