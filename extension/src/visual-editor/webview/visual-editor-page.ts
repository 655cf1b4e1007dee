// The visual editor's page script (bundled for the webview by extension/build.mjs). It draws the form
// the extension sends and posts back one action per committed input; it never edits text itself, so
// the TextDocument stays the one source of truth and undo, save and dirty state are VS Code's.
// Plain elements (inputs, tables, buttons) styled with the theme's variables: native controls are
// keyboard- and screen-reader-accessible without shadow DOM in between.
import type { FormAction } from '../form-actions.js';
import type { Chip, FormField, FormSection, PolicyForm, Problem, TableRow } from '../form-model.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the extension sends: the form, the diagnostics per field, the page's words. */
export interface FormMessage {
  type: 'form';
  form: PolicyForm;
  problems: Record<string, Problem[]>;
  unplaced: Problem[];
  texts: Record<string, string>;
  /** The document version the form was drawn from, and the draw's number: every action goes back with them. */
  version: number;
  draw: number;
  /** The page's language and title, which follow `qungui.locale`. */
  lang: string;
  title: string;
}

const vscode = acquireVsCodeApi();
let texts: Record<string, string> = {};
let problems: Record<string, Problem[]> = {};
let uid = 0;

const t = (key: string, ...args: (string | number)[]) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

/** The last message drawn: the same form again (diagnostics re-sent unchanged) is not redrawn. */
let drawn = '';

/** The stamp of the last form received: the provider refuses an action from any other form. */
let stamp = { version: 0, draw: 0 };

window.addEventListener('message', (event: MessageEvent<FormMessage>) => {
  if (event.data?.type !== 'form') return;
  const { version, draw, ...shown } = event.data;
  // A form that shows the same as the one drawn (same fixes) is not redrawn; its stamp is kept all the same.
  stamp = { version, draw };
  document.documentElement.lang = shown.lang;
  document.title = shown.title;
  const serialized = JSON.stringify(shown);
  if (serialized === drawn) {
    // Nothing changed (a move refused): the focus stays where it is, also at the next drawing.
    focusAfterMove = undefined;
    return;
  }
  drawn = serialized;
  texts = event.data.texts;
  problems = event.data.problems;
  render(event.data.form, event.data.unplaced);
});
vscode.postMessage({ type: 'ready' });

// A hidden tab's page is unloaded; VS Code keeps its state, so it comes back where the user was.
let restoredScroll = (vscode.getState() as { scrollY?: number } | undefined)?.scrollY;
let savingScroll: number | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(savingScroll);
  savingScroll = window.setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 200);
});

function post(action: FormAction): void {
  vscode.postMessage({ type: 'edit', action, version: stamp.version });
  // The next form is drawn whatever it shows: an input the text did not take gets the text's value back.
  drawn = '';
}

/** A button's action posted once: the button stays disabled until the form is drawn again (a double click posts one). */
function postOnce(button: HTMLButtonElement, send: () => void): void {
  button.addEventListener('click', () => {
    if (button.disabled) return;
    button.disabled = true;
    send();
  });
}

// ─── the page ───────────────────────────────────────────────────────────────────────────────────

/** Where the focus goes at the next drawing, after a row was moved: the first of these keys there is. */
let focusAfterMove: string[] | undefined;

function render(form: PolicyForm, unplaced: Problem[]): void {
  const moved = focusAfterMove;
  focusAfterMove = undefined;
  const focus = moved ? undefined : rememberFocus();
  // The page is redrawn whole; where the user was reading stays where it was.
  const scroll = window.scrollY;
  const root = document.getElementById('root')!;
  const page = el('div');
  if (form.unreadable) {
    page.append(el('p', { className: 'unreadable', role: 'alert' }, form.unreadable));
  } else {
    page.append(navigation(form.sections));
    if (unplaced.length) {
      const box = el('section', { className: 'unplaced', 'aria-label': t('Other problems') });
      box.append(el('h2', {}, t('Other problems')), problemList(unplaced, 'unplaced'));
      page.append(box);
    }
    for (const section of form.sections) page.append(sectionElement(section));
  }
  root.replaceChildren(page);
  window.scrollTo(0, restoredScroll ?? scroll);
  restoredScroll = undefined;
  if (moved) {
    const keys = [...document.querySelectorAll<HTMLElement>('[data-key]')];
    for (const key of moved) {
      const target = keys.find((e) => e.dataset.key === key);
      if (target) {
        target.focus({ preventScroll: true });
        break;
      }
    }
  } else restoreFocus(focus);
}

function navigation(sections: FormSection[]): HTMLElement {
  const nav = el('nav', { 'aria-label': t('Sections') });
  for (const section of sections) {
    const link = el('a', { href: `#section-${section.id}` }, section.title);
    const count = sectionProblemCount(section);
    if (count) link.append(el('span', { className: 'badge', 'aria-label': t('{0} problems', count) }, String(count)));
    nav.append(link);
  }
  return nav;
}

function sectionProblemCount(section: FormSection): number {
  const prefixes = [section.anchor, ...(section.also ?? [])];
  return Object.entries(problems)
    .filter(([anchor]) => prefixes.some((prefix) => anchor === prefix || anchor.startsWith(`${prefix}.`)))
    .reduce((n, [, list]) => n + list.length, 0);
}

function sectionElement(section: FormSection): HTMLElement {
  const element = el('section', { id: `section-${section.id}`, 'aria-labelledby': `title-${section.id}` });
  element.append(el('h2', { id: `title-${section.id}` }, section.title));
  const own = problems[section.anchor];
  if (own?.length) element.append(problemList(own, section.anchor));
  const grid = el('div', { className: 'fields' });
  for (const field of section.fields) grid.append(fieldElement(field));
  element.append(grid);
  return element;
}

// ─── fields ─────────────────────────────────────────────────────────────────────────────────────

function fieldElement(field: FormField): HTMLElement {
  if (field.kind === 'table') return tableElement(field);
  const row = el('div', { className: `field field-${field.kind}` });
  const id = `f${uid++}`;
  if (field.kind === 'chips' || field.kind === 'choices') {
    const group = el('fieldset', { 'data-anchor': field.anchor });
    group.append(el('legend', {}, field.label), field.kind === 'chips' ? chipsElement(field, id) : choicesElement(field));
    row.append(group);
  } else {
    row.append(el('label', { htmlFor: id }, field.label), control(field, id));
  }
  appendProblems(row, field.anchor, row.querySelector<HTMLElement>('input,select,textarea'));
  return row;
}

/** One input for a scalar field (also a table cell). */
function control(field: FormField, id: string): HTMLElement {
  switch (field.kind) {
    case 'text':
    case 'number': {
      // A value of several lines gets a text area: an <input> would drop its line breaks.
      const multiline = field.kind === 'text' && field.multiline === true;
      const input: HTMLInputElement | HTMLTextAreaElement = multiline
        ? el('textarea', { id, rows: String(Math.min(8, field.value.split('\n').length + 1)), 'data-key': `${field.anchor}|${field.label}` })
        : el('input', { id, type: 'text', 'data-key': `${field.anchor}|${field.label}` });
      input.value = field.value;
      input.dataset.committed = field.value;
      if (field.kind === 'number' && input instanceof HTMLInputElement) input.inputMode = 'decimal';
      input.setAttribute('aria-label', field.label);
      if (field.readOnly) input.readOnly = true;
      const commit = () => {
        if (field.readOnly || input.value === input.dataset.committed) return;
        input.dataset.committed = input.value;
        post(filled(field.commit, input.value));
      };
      input.addEventListener('change', commit);
      (input as HTMLElement).addEventListener('keydown', (e: KeyboardEvent) => {
        // In a text area Enter is a line break; Ctrl+Enter commits.
        if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) commit();
        if (e.key === 'Escape') input.value = input.dataset.committed ?? '';
      });
      if (field.kind === 'number' && field.unit) {
        const wrap = el('span', { className: 'with-unit' });
        wrap.append(input, el('span', { className: 'unit', 'aria-hidden': 'true' }, field.unit));
        input.setAttribute('aria-label', t('{0} ({1})', field.label, field.unit));
        return withNote(wrap, field.readOnly, input);
      }
      return withNote(input, field.readOnly, input);
    }
    case 'switch': {
      const box = el('input', { id, type: 'checkbox', role: 'switch', 'data-key': `${field.anchor}|${field.label}` });
      box.checked = field.value;
      box.disabled = field.readOnly !== undefined;
      box.setAttribute('aria-label', field.label);
      box.addEventListener('change', () => post(filled(field.commit, box.checked)));
      return withNote(box, field.readOnly, box);
    }
    case 'select': {
      const select = el('select', { id, 'data-key': `${field.anchor}|${field.label}` });
      select.setAttribute('aria-label', field.label);
      if (!field.options.some((o) => o.value === field.value)) select.append(el('option', { value: field.value }, field.value || '—'));
      for (const option of field.options) select.append(el('option', { value: option.value }, option.label));
      select.value = field.value;
      select.disabled = field.readOnly !== undefined;
      select.addEventListener('change', () => post(filled(field.commit, select.value)));
      return withNote(select, field.readOnly, select);
    }
    case 'static':
      return el('span', { className: 'static' }, field.value);
    default:
      return fieldElement(field);
  }
}

function chipsElement(field: Extract<FormField, { kind: 'chips' }>, id: string): HTMLElement {
  const box = el('div', { className: 'chips' });
  const list = el('ul', { className: 'chip-list', 'aria-label': field.label });
  field.chips.forEach((chip: Chip) => {
    const item = el('li', { className: 'chip', 'data-anchor': chip.anchor });
    if (problems[chip.anchor]?.length) item.classList.add('has-problem');
    item.append(el('span', {}, chip.label ?? chip.text));
    list.append(item);
    if (field.readOnly) return;
    const remove = el('button', { type: 'button', className: 'chip-remove', 'data-key': `${chip.anchor}|remove` }, '×');
    remove.setAttribute('aria-label', t('Remove {0}', chip.label ?? chip.text));
    postOnce(remove, () => post(chip.remove));
    item.append(remove);
  });
  if (field.readOnly) {
    box.append(list);
    return withNote(box, field.readOnly, list);
  }
  const input = el('input', { id, type: 'text', className: 'chip-input', placeholder: t('Add…'), 'data-key': `${field.anchor}|add` });
  input.setAttribute('aria-label', t('Add to {0}', field.label));
  if (field.suggestions?.length) {
    const listId = `${id}-options`;
    const options = el('datalist', { id: listId });
    for (const s of field.suggestions) options.append(el('option', { value: s.value }, s.label));
    input.setAttribute('list', listId);
    box.append(options);
  }
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && input.value.trim()) {
      post(filled(field.add, input.value.trim()));
      input.value = '';
    }
    // Backspace in an empty box takes the last chip back, as tag inputs do — once per drawn form: a held
    // key repeats, and every repeat would be the same (stale) removal.
    if (e.key === 'Backspace' && !input.value && field.chips.length && !input.dataset.posted) {
      input.dataset.posted = 'true';
      post(field.chips.at(-1)!.remove);
    }
  });
  box.prepend(list);
  box.append(input);
  for (const chip of field.chips) if (problems[chip.anchor]?.length) box.append(problemList(problems[chip.anchor]!, chip.anchor));
  return box;
}

function choicesElement(field: Extract<FormField, { kind: 'choices' }>): HTMLElement {
  const box = el('div', { className: 'choices' });
  for (const option of field.options) {
    const id = `f${uid++}`;
    const label = el('label', { htmlFor: id, className: 'choice' });
    const input = el('input', { id, type: 'checkbox', role: 'switch', 'data-key': `${field.anchor}|${option.value}` });
    input.checked = option.on;
    input.disabled = field.readOnly !== undefined;
    input.addEventListener('change', () => post(filled(option.commit, input.checked)));
    label.append(input, document.createTextNode(option.label));
    box.append(label);
  }
  return withNote(box, field.readOnly, box);
}

/** A read-only field's reason beside it, read with it by screen readers. */
function withNote(control: HTMLElement, note: string | undefined, described: HTMLElement): HTMLElement {
  if (!note) return control;
  const wrap = el('span', { className: 'read-only' });
  const id = `note${uid++}`;
  described.setAttribute('aria-describedby', id);
  wrap.append(control, el('span', { id, className: 'note' }, note));
  return wrap;
}

function tableElement(field: Extract<FormField, { kind: 'table' }>): HTMLElement {
  const wrap = el('div', { className: 'field field-table', 'data-anchor': field.anchor });
  const table = el('table', {});
  table.append(el('caption', {}, field.label));
  const head = el('tr', {});
  for (const column of field.columns) head.append(el('th', { scope: 'col' }, column.unit ? t('{0} ({1})', column.label, column.unit) : column.label));
  // The sample column only where there are counts (band rows and categories with qungui.sampleData set).
  const withSample = field.rows.some((row) => row.sample !== undefined);
  if (withSample) head.append(el('th', { scope: 'col' }, t('Sample data')));
  head.append(el('th', { scope: 'col' }, el('span', { className: 'visually-hidden' }, t('Actions'))));
  const thead = el('thead', {});
  thead.append(head);
  const body = el('tbody', {});
  const width = field.columns.length + (withSample ? 2 : 1);
  for (const [r, row] of field.rows.entries()) body.append(...rowElements(row, r, width, withSample));
  table.append(thead, body);
  wrap.append(table);
  appendProblems(wrap, field.anchor, null);
  if (field.add) {
    const add = el('button', { type: 'button', className: 'add', 'data-key': `${field.anchor}|add` }, field.add.label);
    const action = field.add.action;
    postOnce(add, () => post(action));
    wrap.append(add);
  }
  table.addEventListener('keydown', gridNavigation);
  return wrap;
}

/** A table row, and under it (full width, so the message is readable) the problems of its cells and of itself. */
function rowElements(row: TableRow, index: number, width: number, withSample: boolean): HTMLElement[] {
  const tr = el('tr', { 'data-anchor': row.anchor, 'data-row': String(index) });
  tr.setAttribute('aria-label', row.label);
  if (row.catchAll) tr.classList.add('catch-all');
  const below = el('td', { colSpan: String(width) });
  for (const [c, cell] of row.cells.entries()) {
    const td = el('td', { 'data-col': String(c) });
    if (cell.kind === 'chips') td.append(chipsElement(cell, `f${uid++}`));
    else if (cell.kind === 'static' && row.catchAll) {
      if (c !== 1) continue;
      td.colSpan = row.cells.length - 1;
      td.append(el('span', { className: 'catch-all-mark' }, t('Everyone not in a band above')));
    } else td.append(control(cell, `f${uid++}`));
    if (cell.kind !== 'chips') appendProblems(below, cell.anchor, td.querySelector<HTMLElement>('input,select,textarea'), td);
    tr.append(td);
  }
  if (withSample) tr.append(el('td', { className: 'sample' }, row.sample ?? ''));
  const actions = el('td', { className: 'row-actions' });
  for (const [move, key, glyph] of [
    [row.moveUp, 'up', '↑'],
    [row.moveDown, 'down', '↓'],
  ] as const) {
    if (!move) continue;
    const button = el('button', { type: 'button', className: 'move', 'data-key': `${row.anchor}|${key}` }, glyph);
    button.setAttribute('aria-label', move.label);
    button.title = move.label;
    // The focus follows the row: the same button on its new place, or the other one at the table's end.
    postOnce(button, () => {
      focusAfterMove = [`${move.anchorAfter}|${key}`, `${move.anchorAfter}|${key === 'up' ? 'down' : 'up'}`];
      post(move.action);
    });
    actions.append(button);
  }
  if (row.remove) {
    const remove = el('button', { type: 'button', className: 'remove', 'data-key': `${row.anchor}|remove` }, '×');
    remove.setAttribute('aria-label', row.remove.label);
    remove.title = row.remove.label;
    const action = row.remove.action;
    postOnce(remove, () => post(action));
    actions.append(remove);
  }
  tr.append(actions);
  // Problems of the row itself (a band in the wrong order).
  appendProblems(below, row.anchor, null, tr);
  const rows = [tr];
  if (row.detail) {
    const detail = el('tr', { className: 'row-detail' });
    const td = el('td', { colSpan: String(width) });
    td.append(fieldElement(row.detail));
    detail.append(td);
    rows.push(detail);
  }
  if (below.childElementCount) {
    const problemRow = el('tr', { className: 'row-problems' });
    problemRow.append(below);
    rows.push(problemRow);
  }
  return rows;
}

/** Up and down move between the rows of a column, as in a spreadsheet. */
function gridNavigation(event: KeyboardEvent): void {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || target.type !== 'text' || target.classList.contains('chip-input')) return;
  const cell = target.closest('td');
  const row = cell?.closest('tr');
  if (!cell || !row) return;
  let next = row as Element | null;
  do next = event.key === 'ArrowUp' ? next!.previousElementSibling : next!.nextElementSibling;
  while (next && !(next as HTMLElement).dataset.row);
  const input = next?.querySelector<HTMLInputElement>(`td[data-col="${cell.dataset.col}"] input[type="text"]`);
  if (input) {
    event.preventDefault();
    // Leaving the cell commits it (its change event), as Tab would.
    input.focus();
    input.select();
  }
}

// ─── problems ───────────────────────────────────────────────────────────────────────────────────

/** The anchor's problems into `container`; the input is marked invalid and described by them, `marked` outlined. */
function appendProblems(container: HTMLElement, anchor: string, input: HTMLElement | null, marked: HTMLElement = container): void {
  const list = problems[anchor];
  if (!list?.length) return;
  const element = problemList(list, anchor);
  marked.classList.add('has-problem');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', element.id);
  }
  container.append(element);
}

/** The problems of one anchor; its id is the anchor's, so it stays the same across redraws (aria-describedby). */
function problemList(list: Problem[], anchor: string): HTMLElement {
  const ul = el('ul', { className: 'problems', id: `problems-${anchor.replace(/[^\w-]/g, '_')}` });
  for (const problem of list) {
    const li = el('li', { className: `problem ${problem.severity}` });
    li.append(el('span', { className: 'message' }, problem.message));
    for (const fix of problem.fixes) {
      const button = el('button', { type: 'button', className: 'fix', 'data-key': `fix|${problem.id}|${fix.index}` }, fix.title);
      postOnce(button, () => {
        vscode.postMessage({ type: 'fix', diagnostic: problem.id, fix: fix.index, ...stamp });
        drawn = '';
      });
      li.append(button);
    }
    ul.append(li);
  }
  return ul;
}

// ─── helpers ────────────────────────────────────────────────────────────────────────────────────

/** The field's action with the input's value in the slot its kind reads. */
function filled(action: FormAction, value: string | boolean): FormAction {
  switch (action.kind) {
    case 'setText':
    case 'renameId':
    case 'setNumber':
    case 'setThreshold':
      return { ...action, text: String(value) };
    case 'setChoice':
    case 'addChip':
      return { ...action, value: String(value) };
    case 'setBandRating':
      return { ...action, rating: String(value) };
    case 'setSwitch':
    case 'toggleListValue':
      return { ...action, on: Boolean(value) };
    default:
      return action;
  }
}

interface Focus {
  key: string;
  start: number | null;
  end: number | null;
  /** What was typed and not yet committed: a redraw must not take it away. */
  pending?: string;
}

function rememberFocus(): Focus | undefined {
  const active = document.activeElement as HTMLElement | null;
  const key = active?.dataset.key;
  if (!active || !key) return undefined;
  if (isTextBox(active)) {
    const pending = active.value !== (active.dataset.committed ?? '') ? active.value : undefined;
    return { key, start: active.selectionStart, end: active.selectionEnd, ...(pending !== undefined ? { pending } : {}) };
  }
  return { key, start: null, end: null };
}

function restoreFocus(focus: Focus | undefined): void {
  if (!focus) return;
  const element = [...document.querySelectorAll<HTMLElement>('[data-key]')].find((e) => e.dataset.key === focus.key);
  if (!element) return;
  // The typed value goes back before the focus: set after it, the browser would count it as a change
  // of the user's and commit it again when the field loses the focus.
  if (isTextBox(element) && focus.pending !== undefined) element.value = focus.pending;
  element.focus({ preventScroll: true });
  if (isTextBox(element) && focus.start !== null) element.setSelectionRange(focus.start, focus.end ?? focus.start);
}

function isTextBox(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  return (element instanceof HTMLInputElement && element.type === 'text') || element instanceof HTMLTextAreaElement;
}

type Attributes = Record<string, string | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (string | Node)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'className') element.className = value;
    else if (name === 'htmlFor') (element as HTMLLabelElement).htmlFor = value;
    else if (name === 'value') (element as HTMLInputElement).value = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}
