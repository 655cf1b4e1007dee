// A form action on a policy text → the text edits that do it, and nothing else: the untouched lines,
// comments and key order stay byte for byte. Pure (no vscode), so each action's exact edit is tested
// on the example policies.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Dimension, FormAction } from './form-actions.js';
import { RefusedEdit } from './refused-edit.js';
import { minimalEdit, type TextEdit } from './text-edit.js';
import { appendAt, deleteAt, insertCopyOf, moveItem, nodeIn, type Path, type PlainValue, parsePolicyYaml, setAt } from './yaml-surgery.js';

export function policyEdits(text: string, action: FormAction): TextEdit[] {
  return editsOfSteps(text, stepsOf(text, action));
}

type Step = (text: string) => string;

function stepsOf(text: string, action: FormAction): Step[] {
  switch (action.kind) {
    case 'setText':
    case 'renameId': {
      const value = action.text.trim();
      return [(t) => (value ? setAt(t, action.path, value) : deleteAt(t, action.path))];
    }
    case 'setNumber':
      return [(t) => setTyped(t, action.path, action.text)];
    case 'setSwitch':
      return [(t) => setAt(t, action.path, action.on)];
    case 'setChoice':
      return [(t) => setAt(t, action.path, action.value)];
    case 'addChip': {
      const value = action.value.trim();
      return value ? [(t) => appendAt(t, action.path, value)] : [];
    }
    case 'removeChip':
      return [(t) => deleteAt(t, [...action.path, action.index])];
    case 'toggleListValue':
      return [(t) => toggleListValue(t, action.path, action.value, action.on)];
    case 'setThreshold':
      return [(t) => setThreshold(t, action)];
    case 'setBandRating':
      return [(t) => setAt(t, [...bandsPath(action.dimension), action.band, 'rating'], action.rating)];
    case 'addBand':
      return [(t) => addBand(t, action.dimension, action.rating)];
    case 'removeBand':
      return [(t) => deleteAt(t, [...bandsPath(action.dimension), action.band])];
    case 'addRating':
      return [(t) => addListRow(t, ['ratings'], { id: action.id, label: action.label })];
    case 'removeRating': {
      const id = stringAt(text, ['ratings', action.index, 'id']);
      // The rating's points and follow-ups go with it; the bands that name it are left for the validator to point at.
      const owned: Step[] = id ? [(t) => deleteAt(t, ['outcomes', 'followUp', id]), (t) => deleteAt(t, ['outcomes', 'points', id])] : [];
      return [...owned, (t) => deleteAt(t, ['ratings', action.index])];
    }
    case 'addCategory':
      return [(t) => addListRow(t, ['content', 'categories'], { id: action.id, label: action.label })];
    case 'removeCategory':
      return [(t) => deleteAt(t, ['content', 'categories', action.index])];
    case 'moveRow':
      return [(t) => moveItem(t, action.path, action.index, action.to)];
    case 'addAction':
      return [(t) => addListRow(t, ['outcomes', 'actions'], { id: action.id, label: action.label })];
    case 'removeAction':
      // The follow-ups, escalation or handover that name it are left for the validator to point at.
      return [(t) => deleteAt(t, ['outcomes', 'actions', action.index])];
  }
}

/**
 * Runs the steps one after the other and returns each one's edit in the coordinates of the original
 * text. Steps are ordered bottom-up (points and follow-ups below the ratings), so an earlier step's edit
 * never moves a later one's offsets; an edit that does is merged with it.
 */
function editsOfSteps(text: string, steps: Step[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let current = text;
  for (const step of steps) {
    const next = step(current);
    for (const edit of minimalEdit(current, next)) {
      if (edits.some((e) => edit.end > e.start)) return minimalEdit(text, applyAll(text, steps));
      edits.push(edit);
    }
    current = next;
  }
  return edits;
}

function applyAll(text: string, steps: Step[]): string {
  return steps.reduce((t, step) => step(t), text);
}

export function bandsPath(dimension: Dimension): Path {
  return ['assessment', dimension, 'bands'];
}

/** A number when the text is one; otherwise the text itself (the schema check then names the problem). */
export function typedValue(text: string): PlainValue {
  const trimmed = text.trim();
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function setTyped(text: string, path: Path, typed: string): string {
  return typed.trim() ? setAt(text, path, typedValue(typed)) : deleteAt(text, path);
}

function toggleListValue(text: string, path: Path, value: string, on: boolean): string {
  const list = nodeIn(parsePolicyYaml(text).contents as Node | null, path);
  const items = isSeq(list) ? list.items.map((item) => (isScalar(item) ? String(item.value) : undefined)) : [];
  const index = items.indexOf(value);
  if (on) return index < 0 ? appendAt(text, path, value) : text;
  return index < 0 ? text : deleteAt(text, [...path, index]);
}

/**
 * A threshold cell of a band table. `min: 90` is the dimension's main metric; when other metrics are
 * set it becomes `min: { main: 90, other: … }`. An emptied cell removes that metric.
 */
function setThreshold(text: string, action: Extract<FormAction, { kind: 'setThreshold' }>): string {
  const { dimension, band, metric, main } = action;
  const root = parsePolicyYaml(text).contents as Node | null;
  const bandPath = [...bandsPath(dimension), band];
  const min = nodeIn(root, [...bandPath, 'min']);
  const value = action.text.trim() ? typedValue(action.text) : undefined;
  // A band without `min` is the catch-all row, and a table has one: emptying a band's last threshold
  // would make a second.
  const lastThreshold = isScalar(min) ? metric === main : isMap(min) && min.items.length === 1 && min.has(metric);
  if (value === undefined && lastThreshold) throw new RefusedEdit('Only one band can take everyone else: type a threshold, or remove the band.');
  if (isScalar(min) && min.value !== null) {
    if (metric === main) return setAt(text, [...bandPath, 'min'], value!);
    if (value === undefined) return text;
    return setAt(text, [...bandPath, 'min'], { [main]: min.value as PlainValue, [metric]: value });
  }
  if (isMap(min)) return value === undefined ? deleteAt(text, [...bandPath, 'min', metric]) : setAt(text, [...bandPath, 'min', metric], value);
  if (value === undefined) return text;
  // A row that had no threshold yet: write it the way its neighbours do.
  const neighbourUsesNumbers = bandsOf(root, dimension).some(
    (b) => isMap(b) && isScalar(b.get('min', true)) && (b.get('min', true) as { value: unknown }).value !== null,
  );
  return setAt(text, [...bandPath, 'min'], neighbourUsesNumbers && metric === main ? value : { [metric]: value });
}

function bandsOf(root: Node | null, dimension: Dimension): unknown[] {
  const bands = nodeIn(root, bandsPath(dimension));
  return isSeq(bands) ? bands.items : [];
}

/** A row copied from the last band with thresholds, above the catch-all row, rated `rating`. */
function addBand(text: string, dimension: Dimension, rating: string): string {
  const bands = bandsOf(parsePolicyYaml(text).contents as Node | null, dimension);
  const catchAll = bands.findIndex((b) => isMap(b) && !b.has('min'));
  const before = catchAll < 0 ? bands.length : catchAll;
  const from = Math.max(0, before - 1);
  if (!bands.length) return text;
  return insertCopyOf(text, bandsPath(dimension), from, before, (copy, path) => setAt(copy, [...path, 'rating'], rating));
}

/** A new row of a list of records (ratings, categories, actions), copied from the last one's style with
 *  only id and label; the first row of a list not written yet as `- { id: …, label: … }`. */
function addListRow(text: string, path: Path, row: { id: string; label: string }): string {
  const list = nodeIn(parsePolicyYaml(text).contents as Node | null, path);
  const empty = list === undefined || (isScalar(list) && list.value === null) || (isSeq(list) && !list.items.length);
  if (empty) return setAt(text, path, [{ id: row.id, label: row.label }]);
  // A map or a text where the list belongs: the validator names it; the form does not write over it.
  if (!isSeq(list)) throw new RefusedEdit('This table is not written as a list: correct it in the text.');
  const last = list.items.length - 1;
  return insertCopyOf(text, path, last, list.items.length, (copy, copyPath) => {
    let result = copy;
    const copied = nodeIn(parsePolicyYaml(copy).contents as Node | null, copyPath);
    if (isMap(copied)) {
      // Keep only the keys a new row needs; the copied ones would claim the neighbour's terms or clause.
      for (const pair of [...copied.items].reverse()) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key !== 'id' && key !== 'label') result = deleteAt(result, [...copyPath, key]);
      }
    }
    result = setAt(result, [...copyPath, 'label'], row.label);
    return setAt(result, [...copyPath, 'id'], row.id);
  });
}

function stringAt(text: string, path: Path): string | undefined {
  const node = nodeIn(parsePolicyYaml(text).contents as Node | null, path);
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}
