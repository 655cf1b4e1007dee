// What the visual editor's page asks for: one action per user gesture (a field committed, a chip
// added, a band row added). policy-edits.ts turns each into the text edit that does it.
import type { Path } from './yaml-surgery.js';

export type Dimension = 'assignments' | 'tests' | 'participation' | 'overall';

export type FormAction =
  /** A text field; an empty text removes the key. */
  | { kind: 'setText'; path: Path; text: string }
  /** An id (of a rating, a category): the editor renames it everywhere through the language server; as a text edit, only the declaration. */
  | { kind: 'renameId'; path: Path; text: string }
  /** A number field, as typed: what is not a number is written as typed, so the validator says why. */
  | { kind: 'setNumber'; path: Path; text: string }
  | { kind: 'setSwitch'; path: Path; on: boolean }
  | { kind: 'setChoice'; path: Path; value: string }
  | { kind: 'addChip'; path: Path; value: string }
  | { kind: 'removeChip'; path: Path; index: number }
  /** One value of a list of fixed choices (a detector) switched on or off. */
  | { kind: 'toggleListValue'; path: Path; value: string; on: boolean }
  /** A band's threshold; `main` is the metric a number `min` stands for (the dimension's `metric` or its default). */
  | { kind: 'setThreshold'; dimension: Dimension; band: number; metric: string; main: string; text: string }
  | { kind: 'setBandRating'; dimension: Dimension; band: number; rating: string }
  /** A band row above the catch-all one, copied from its neighbour; `rating` names the new row's rating. */
  | { kind: 'addBand'; dimension: Dimension; rating: string }
  | { kind: 'removeBand'; dimension: Dimension; band: number }
  | { kind: 'addRating'; id: string; label: string }
  | { kind: 'removeRating'; index: number }
  | { kind: 'addCategory'; id: string; label: string }
  | { kind: 'removeCategory'; index: number }
  /** A follow-up action (outcomes.actions), referenced by follow-ups, escalation and handover. */
  /** A row of a table (a rating, a band, a category, an action) moved one place up or down. */
  | { kind: 'moveRow'; path: Path; index: number; to: number }
  | { kind: 'addAction'; id: string; label: string }
  | { kind: 'removeAction'; index: number };
