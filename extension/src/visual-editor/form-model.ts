// The visual editor's page as data: sections of fields, each field with what it shows and the action
// its input commits. Built from the policy text by policy-form.ts, sent to the page as JSON; the page
// only draws it and posts the actions back.
import type { FormAction } from './form-actions.js';

export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  /** Where the field's text is (a key of PolicyForm.spans); diagnostics there are shown beside it. */
  anchor: string;
  label: string;
  /** Set when the form must not write the value (it is shared through an anchor or an alias): why, shown beside it. */
  readOnly?: string;
}

/** A committed input fills the action's value: `text` (text, numbers), `value` (a choice, a chip), `on` (a switch). */
export type FormField =
  | (FieldBase & { kind: 'text'; value: string; multiline?: boolean; commit: FormAction })
  | (FieldBase & { kind: 'number'; value: string; unit?: string; commit: FormAction })
  | (FieldBase & { kind: 'switch'; value: boolean; commit: FormAction })
  | (FieldBase & { kind: 'select'; value: string; options: Option[]; commit: FormAction })
  | (FieldBase & { kind: 'chips'; chips: Chip[]; add: FormAction; suggestions?: Option[] })
  /** Fixed choices each switched on or off (detectors, application fields). */
  | (FieldBase & { kind: 'choices'; options: (Option & { on: boolean; commit: FormAction })[] })
  | (FieldBase & { kind: 'table'; columns: Column[]; rows: TableRow[]; add?: { action: FormAction; label: string } })
  | (FieldBase & { kind: 'static'; value: string });

export interface Chip {
  text: string;
  /** The chip's name when it is an id (an action, a category): people read names. */
  label?: string;
  anchor: string;
  remove: FormAction;
}

export interface Column {
  label: string;
  unit?: string;
}

export interface TableRow {
  anchor: string;
  /** A screen reader's name for the row ("第 2 档：良好"). */
  label: string;
  cells: FormField[];
  /** A field too wide for a cell (a category's terms), drawn across the table under the row. */
  detail?: FormField;
  /** The catch-all band row: no threshold, it takes everyone the rows above did not. */
  catchAll?: boolean;
  /** A sample-data count shown beside the row (members in the band, matching messages). */
  sample?: string;
  remove?: { action: FormAction; label: string };
  /** Moves the row one place; `anchorAfter` is the row's anchor once moved (where the focus follows it). */
  moveUp?: RowMove;
  moveDown?: RowMove;
}

export interface RowMove {
  action: FormAction;
  label: string;
  anchorAfter: string;
}

export interface FormSection {
  id: string;
  title: string;
  anchor: string;
  /** Other top-level keys the section shows settings of: their problems count in its badge. */
  also?: string[];
  fields: FormField[];
}

export interface Problem {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Index into the page's list of diagnostics, for its quick fixes. */
  id: number;
  fixes: { title: string; index: number }[];
}

export interface PolicyForm {
  /** Set when the YAML cannot be read (a syntax error): the page says so and shows no fields. */
  unreadable?: string;
  /** Where the syntax error is (an offset), to find the language server's diagnostic of it. */
  unreadableAt?: number;
  sections: FormSection[];
  /** anchor → [start, end) offsets in the text. */
  spans: Record<string, [number, number]>;
}
