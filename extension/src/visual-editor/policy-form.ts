// The policy text → the visual editor's form: what each field shows, the action it commits and where
// its text is (for diagnostics). Read from the yaml Document node by node, so a policy the schema
// rejects (a word where a number belongs, a missing section) still shows every field it can; only a
// text yaml cannot parse shows no form. `tr` translates the page's own words (l10n keys); the
// policy's names (rating labels, terms) are shown as written.
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Dimension, FormAction } from './form-actions.js';
import type { Chip, FormField, FormSection, Option, PolicyForm, TableRow } from './form-model.js';
import type { PolicyCatalogue } from './policy-catalogue.js';
import { bandsPath } from './policy-edits.js';
import { type Path, parsePolicyYaml, sharedAt } from './yaml-surgery.js';

export type Translate = (key: string, ...args: (string | number)[]) => string;

/** Sample-data counts: members per band row (by dimension and row index), matching messages per category id. */
export interface SampleCountsView {
  bands: Record<string, Record<number, number>>;
  categories: Record<string, number>;
}

interface Context {
  doc: Document;
  root: Node | null;
  text: string;
  spans: Record<string, [number, number]>;
  tr: Translate;
  catalogue: PolicyCatalogue;
  sample?: SampleCountsView;
}

const DIMENSIONS: Dimension[] = ['assignments', 'tests', 'participation'];

export function policyForm(text: string, catalogue: PolicyCatalogue, tr: Translate, sample?: SampleCountsView): PolicyForm {
  const doc = parsePolicyYaml(text);
  const syntax = doc.errors[0];
  // yaml's own message is English whatever the locale: the page says where to look until the language
  // server's diagnostic (localized, the one the text editor shows) replaces it (unreadableMessage).
  if (syntax) return { unreadable: tr('The YAML cannot be read: the text editor marks where.'), unreadableAt: syntax.pos[0], sections: [], spans: {} };
  const ctx: Context = { doc, root: doc.contents as Node | null, text, spans: {}, tr, catalogue, ...(sample ? { sample } : {}) };
  const sections = [
    groupSection(ctx),
    membershipSection(ctx),
    contentSection(ctx),
    confidentialitySection(ctx),
    activitiesSection(ctx),
    ratingsSection(ctx),
    assessmentSection(ctx),
  ];
  return { sections, spans: ctx.spans };
}

/** The unreadable form's message with the language server's diagnostic of the syntax error: the error nearest to it. */
export function unreadableMessage(
  tr: Translate,
  at: number,
  diagnostics: readonly { offset: number; message: string; severity: string }[],
): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const nearest = errors.sort((a, b) => Math.abs(a.offset - at) - Math.abs(b.offset - at))[0];
  return nearest ? tr('The YAML cannot be read here: {0}', nearest.message) : undefined;
}

// ─── sections ───────────────────────────────────────────────────────────────────────────────────

function groupSection(ctx: Context): FormSection {
  const { tr } = ctx;
  return section(
    ctx,
    'group',
    tr('Group'),
    ['metadata'],
    [
      textField(ctx, ['metadata', 'name'], tr('Group name')),
      textField(ctx, ['metadata', 'id'], tr('Policy id')),
      chipsField(ctx, ['groups'], tr('Group chats (room ids)')),
      textField(ctx, ['metadata', 'timezone'], tr('Time zone')),
      chipsField(ctx, ['admins'], tr('Administrators')),
      textField(ctx, ['metadata', 'owner'], tr('Responsible department')),
    ],
    ['groups', 'admins'],
  );
}

function membershipSection(ctx: Context): FormSection {
  const { tr } = ctx;
  const categories = categoryOptions(ctx);
  return section(
    ctx,
    'membership',
    tr('Membership'),
    ['membership'],
    [
      chipsField(ctx, ['membership', 'eligibility', 'employmentStatus'], tr('Employment status')),
      chipsField(ctx, ['membership', 'eligibility', 'departments'], tr('Departments')),
      chipsField(ctx, ['membership', 'eligibility', 'positions'], tr('Positions')),
      choicesField(ctx, ['membership', 'application', 'requiredFields'], tr('Application fields'), ctx.catalogue.choices.requiredFields),
      chipsField(ctx, ['membership', 'application', 'reviewers'], tr('Reviewers')),
      switchField(ctx, ['membership', 'exit', 'requireApproval'], tr('Leaving needs approval'), true),
      numberField(ctx, ['membership', 'removal', 'maxViolations'], tr('Violations before removal'), tr('times')),
      numberField(ctx, ['membership', 'removal', 'inactiveDays'], tr('Inactive days before removal'), tr('days')),
      chipsField(ctx, ['membership', 'removal', 'countCategories'], tr('Categories that count as violations'), categories),
    ],
  );
}

function contentSection(ctx: Context): FormSection {
  const { tr } = ctx;
  return section(
    ctx,
    'content',
    tr('Content'),
    ['content'],
    [
      categoriesTable(ctx),
      chipsField(ctx, ['content', 'allow'], tr('Allowed words (never a match)')),
      ...normalizeFields(ctx),
      choicesField(ctx, ['content', 'detectors'], tr('Personal data detectors'), ctx.catalogue.choices.detectors),
      selectField(ctx, ['content', 'detectorSeverity'], tr('Severity of detected personal data'), severityOptions(tr), 'error'),
      numberField(ctx, ['content', 'stopWithinHours'], tr('Stop a violation within'), tr('hours')),
    ],
  );
}

/** How messages are compared with the terms (content.normalize): switches, all on by default but
 *  repeats; `skip` may also be a list of the characters to skip, then shown as chips. */
function normalizeFields(ctx: Context): FormField[] {
  const { tr } = ctx;
  const base = ['content', 'normalize'];
  const skip = isSeq(nodeAtPath(ctx, [...base, 'skip']))
    ? chipsField(ctx, [...base, 'skip'], tr('Characters skipped inside a term'))
    : switchField(ctx, [...base, 'skip'], tr('Skip spaces, punctuation and symbols inside a term'), true);
  return [
    switchField(ctx, [...base, 'width'], tr('Full-width and half-width alike'), true),
    switchField(ctx, [...base, 'case'], tr('Upper and lower case alike'), true),
    switchField(ctx, [...base, 'traditional'], tr('Traditional and Simplified Chinese alike'), true),
    switchField(ctx, [...base, 'digits'], tr('Every way of writing a digit alike (①, ⑴, full width → 1)'), true),
    skip,
    switchField(ctx, [...base, 'repeats'], tr('Repeated characters as one'), false),
  ];
}

function activitiesSection(ctx: Context): FormSection {
  const { tr } = ctx;
  return section(
    ctx,
    'activities',
    tr('Activities and publishing'),
    ['activities'],
    [
      numberField(ctx, ['activities', 'sessionNoticeHours'], tr('Live session notice'), tr('hours')),
      switchField(ctx, ['activities', 'requireSupport'], tr('A technical supporter is required'), true),
      numberField(ctx, ['activities', 'minAttendanceMinutes'], tr('Minimum attendance'), tr('minutes')),
      numberField(ctx, ['activities', 'gradingDays'], tr('Grading within'), tr('days')),
      numberField(ctx, ['activities', 'lateGraceHours'], tr('Late submission grace'), tr('hours')),
      chipsField(ctx, ['publishing', 'publishers'], tr('Publishers')),
      numberField(ctx, ['publishing', 'updateIntervalDays'], tr('Update materials every'), tr('days')),
      numberField(ctx, ['publishing', 'noticeHours'], tr('Assignment notice'), tr('hours')),
      numberField(ctx, ['responsiveness', 'questionReplyHours'], tr('Answer questions within'), tr('hours')),
      chipsField(ctx, ['responsiveness', 'questionMarkers'], tr('A message with one of these is a question')),
    ],
    ['publishing', 'responsiveness'],
  );
}

function ratingsSection(ctx: Context): FormSection {
  const { tr } = ctx;
  const actions = actionOptions(ctx);
  const rows: TableRow[] = listOf(ctx, ['ratings']).map((_, i) => {
    const id = scalarText(ctx, ['ratings', i, 'id']);
    const rowPath = ['ratings', i];
    // Cells are named with their row ("“合格”的编号"): a screen reader reads one cell at a time.
    const name = labelOf(ctx, rowPath) || id;
    return {
      anchor: anchorOf(ctx, rowPath),
      label: tr('Rating {0}', name),
      cells: [
        textField(ctx, [...rowPath, 'label'], tr('{1} of {0}', name, tr('Name'))),
        textField(ctx, [...rowPath, 'labelEn'], tr('{1} of {0}', name, tr('English name'))),
        idField(ctx, [...rowPath, 'id'], tr('{1} of {0}', name, tr('Id'))),
        numberField(ctx, ['outcomes', 'points', id], tr('{1} of {0}', name, tr('Points')), tr('points')),
        chipsField(ctx, ['outcomes', 'followUp', id], tr('{1} of {0}', name, tr('Follow-ups')), actions),
      ],
      remove: { action: { kind: 'removeRating', index: i }, label: tr('Remove rating {0}', name) },
    };
  });
  const table: FormField = {
    kind: 'table',
    anchor: anchorOf(ctx, ['ratings']),
    label: tr('Ratings, best first'),
    columns: [{ label: tr('Name') }, { label: tr('English name') }, { label: tr('Id') }, { label: tr('Points') }, { label: tr('Follow-ups') }],
    rows: movable(ctx, rows, ['ratings']),
    add: { action: { kind: 'addRating', id: freshId(ctx, ['ratings'], 'rating'), label: tr('New rating') }, label: tr('Add a rating') },
  };
  // R2: the repeated rating (the worst by default), how many months running, and what is done then.
  const escalation = ['outcomes', 'escalation'];
  const ratings = ratingOptions(ctx);
  return section(
    ctx,
    'ratings',
    tr('Ratings'),
    ['ratings'],
    [
      table,
      actionsTable(ctx),
      selectField(ctx, [...escalation, 'rating'], tr('Escalate when this rating repeats'), ratings, ratings[ratings.length - 1]?.value ?? ''),
      numberField(ctx, [...escalation, 'afterConsecutive'], tr('Months running before escalation'), tr('months')),
      selectField(ctx, [...escalation, 'action'], tr('Escalation action'), actions, ''),
    ],
    ['outcomes'],
  );
}

function confidentialitySection(ctx: Context): FormSection {
  const { tr } = ctx;
  return section(
    ctx,
    'confidentiality',
    tr('Confidentiality'),
    ['confidentiality'],
    [
      chipsField(ctx, ['confidentiality', 'externalIdPrefixes'], tr('Member ids of outsiders start with')),
      numberField(ctx, ['confidentiality', 'leaverGraceDays'], tr('Leavers may stay for handover'), tr('days')),
      selectField(ctx, ['confidentiality', 'handoverAction'], tr('Action for leavers still in the group'), actionOptions(ctx), ''),
    ],
  );
}

function assessmentSection(ctx: Context): FormSection {
  const { tr } = ctx;
  const fields: FormField[] = [];
  for (const dimension of DIMENSIONS) if (nodeAtPath(ctx, ['assessment', dimension])) fields.push(bandGrid(ctx, dimension));
  fields.push(
    selectField(
      ctx,
      ['assessment', 'overall', 'method'],
      tr('Overall rating'),
      [
        { value: 'weighted', label: tr('Weighted score of the dimensions') },
        { value: 'worst', label: tr('The lowest dimension rating') },
        { value: 'best', label: tr('The highest dimension rating') },
      ],
      '',
    ),
  );
  if (scalarText(ctx, ['assessment', 'overall', 'method']) === 'weighted') {
    for (const dimension of DIMENSIONS)
      fields.push(numberField(ctx, ['assessment', 'overall', 'weights', dimension], tr('Weight of {0}', dimensionName(tr, dimension))));
    if (nodeAtPath(ctx, bandsPath('overall'))) fields.push(bandGrid(ctx, 'overall'));
  }
  return section(ctx, 'assessment', tr('Assessment'), ['assessment'], fields);
}

// ─── band tables ────────────────────────────────────────────────────────────────────────────────

function bandGrid(ctx: Context, dimension: Dimension): FormField {
  const { tr, catalogue } = ctx;
  const known = catalogue.dimensions[dimension];
  const declaredMain = scalarText(ctx, ['assessment', dimension, 'metric']);
  const main = declaredMain || known?.main || 'score';
  const bands = listOf(ctx, bandsPath(dimension));
  // Every metric the table may use gets a column; metrics the rows name that the catalogue does not know still show.
  const metrics = [...new Set([main, ...(known?.metrics ?? []), ...bands.flatMap((_, i) => thresholdKeys(ctx, dimension, i))])];
  const ratings = ratingOptions(ctx);
  const rows: TableRow[] = bands.map((_, i) => {
    const rowPath = [...bandsPath(dimension), i];
    const rating = scalarText(ctx, [...rowPath, 'rating']);
    const ratingLabel = ratings.find((r) => r.value === rating)?.label || rating;
    const catchAll = nodeAtPath(ctx, [...rowPath, 'min']) === undefined;
    // A band no sample member reached has no entry: it shows 0.
    const count = ctx.sample ? (ctx.sample.bands[dimension]?.[i] ?? 0) : undefined;
    const cells: FormField[] = [
      {
        kind: 'select',
        anchor: anchorOf(ctx, [...rowPath, 'rating']),
        label: tr('Rating of band {0}', i + 1),
        value: rating,
        options: ratings,
        commit: { kind: 'setBandRating', dimension, band: i, rating: '' },
      },
      ...metrics.map((metric): FormField => {
        const name = metricLabel(ctx, metric);
        if (catchAll) return { kind: 'static', anchor: anchorOf(ctx, rowPath), label: name, value: '' };
        const scalarMin = metric === main && isScalar(nodeAtPath(ctx, [...rowPath, 'min']));
        const path = scalarMin ? [...rowPath, 'min'] : [...rowPath, 'min', metric];
        return {
          kind: 'number',
          anchor: anchorOf(ctx, path),
          label: tr('{0} of band {1} ({2})', name, i + 1, ratingLabel),
          value: scalarText(ctx, path),
          ...(unitOf(ctx, metric) ? { unit: unitOf(ctx, metric) } : {}),
          commit: { kind: 'setThreshold', dimension, band: i, metric, main, text: '' },
        };
      }),
    ];
    return {
      anchor: anchorOf(ctx, rowPath),
      label: catchAll ? tr('Band {0}: {1}, everyone else', i + 1, ratingLabel) : tr('Band {0}: {1}', i + 1, ratingLabel),
      cells,
      ...(catchAll ? { catchAll } : {}),
      ...(count !== undefined ? { sample: tr('{0} members', count) } : {}),
      remove: { action: { kind: 'removeBand', dimension, band: i }, label: tr('Remove band {0}', i + 1) },
    };
  });
  const used = new Set(bands.map((_, i) => scalarText(ctx, [...bandsPath(dimension), i, 'rating'])));
  const nextRating = ratings.find((r) => !used.has(r.value))?.value ?? ratings.at(-1)?.value ?? '';
  return {
    kind: 'table',
    anchor: anchorOf(ctx, bandsPath(dimension)),
    label: tr('Bands of {0}', dimensionName(tr, dimension)),
    columns: [{ label: tr('Rating') }, ...metrics.map((m) => ({ label: metricLabel(ctx, m), ...(unitOf(ctx, m) ? { unit: unitOf(ctx, m) } : {}) }))],
    // The catch-all row stays last: it takes everyone the rows above did not.
    rows: movable(ctx, rows, bandsPath(dimension), (row) => row.catchAll === true),
    add: { action: { kind: 'addBand', dimension, rating: nextRating }, label: tr('Add a band') },
  };
}

/** Rows with buttons that move them one place up or down (the order is the policy's: ratings best
 *  first, bands tried top to bottom). A `fixed` row neither moves nor is passed by another. */
function movable(ctx: Context, rows: TableRow[], path: Path, fixed: (row: TableRow) => boolean = () => false): TableRow[] {
  const { tr } = ctx;
  // A table written on one line cannot have its rows traded as lines: no buttons that would be refused.
  const list = nodeAtPath(ctx, path);
  if (isSeq(list) && list.flow) return rows;
  const anchorAt = (index: number) => [...path, index].join('.');
  return rows.map((row, i) => {
    if (fixed(row)) return row;
    const up = i > 0 && !fixed(rows[i - 1]!);
    const down = i < rows.length - 1 && !fixed(rows[i + 1]!);
    return {
      ...row,
      ...(up ? { moveUp: { action: { kind: 'moveRow', path, index: i, to: i - 1 }, label: tr('Move {0} up', row.label), anchorAfter: anchorAt(i - 1) } } : {}),
      ...(down
        ? { moveDown: { action: { kind: 'moveRow', path, index: i, to: i + 1 }, label: tr('Move {0} down', row.label), anchorAfter: anchorAt(i + 1) } }
        : {}),
    };
  });
}

function thresholdKeys(ctx: Context, dimension: Dimension, band: number): string[] {
  const min = nodeAtPath(ctx, [...bandsPath(dimension), band, 'min']);
  return isMap(min) ? min.items.map((pair) => String((pair.key as { value: unknown }).value)) : [];
}

export function dimensionName(tr: Translate, dimension: Dimension): string {
  return { assignments: tr('Assignments'), tests: tr('Tests'), participation: tr('Participation'), overall: tr('Overall') }[dimension];
}

function metricLabel(ctx: Context, metric: string): string {
  return ctx.catalogue.metrics[metric]?.label ?? metric;
}

function unitOf(ctx: Context, metric: string): string | undefined {
  return ctx.catalogue.metrics[metric]?.unit || undefined;
}

// ─── content categories ─────────────────────────────────────────────────────────────────────────

function categoriesTable(ctx: Context): FormField {
  const { tr } = ctx;
  const base: Path = ['content', 'categories'];
  const rows: TableRow[] = listOf(ctx, base).map((_, i) => {
    const rowPath = [...base, i];
    const id = scalarText(ctx, [...rowPath, 'id']);
    const name = labelOf(ctx, rowPath) || id;
    const count = ctx.sample ? (ctx.sample.categories[id] ?? 0) : undefined;
    return {
      anchor: anchorOf(ctx, rowPath),
      label: tr('Category {0}', name),
      cells: [
        textField(ctx, [...rowPath, 'label'], tr('{1} of {0}', name, tr('Name'))),
        idField(ctx, [...rowPath, 'id'], tr('{1} of {0}', name, tr('Id'))),
        clauseField(ctx, [...rowPath, 'clause'], tr('{1} of {0}', name, tr('Clause'))),
        selectField(ctx, [...rowPath, 'severity'], tr('{1} of {0}', name, tr('Severity')), severityOptions(tr).slice(0, 2), 'error'),
      ],
      detail: chipsField(ctx, [...rowPath, 'terms'], tr('Terms of {0}', name)),
      ...(count !== undefined ? { sample: tr('{0} messages', count) } : {}),
      remove: { action: { kind: 'removeCategory', index: i }, label: tr('Remove category {0}', name) },
    };
  });
  return {
    kind: 'table',
    anchor: anchorOf(ctx, base),
    label: tr('Content categories'),
    columns: [{ label: tr('Name') }, { label: tr('Id') }, { label: tr('Clause') }, { label: tr('Severity') }],
    rows: movable(ctx, rows, base),
    add: { action: { kind: 'addCategory', id: freshId(ctx, base, 'category'), label: tr('New category') }, label: tr('Add a category') },
  };
}

/** The follow-up actions (outcomes.actions): what follow-ups, escalation and handover choose from. */
function actionsTable(ctx: Context): FormField {
  const { tr } = ctx;
  const base: Path = ['outcomes', 'actions'];
  const rows: TableRow[] = listOf(ctx, base).map((_, i) => {
    const rowPath = [...base, i];
    const name = labelOf(ctx, rowPath) || scalarText(ctx, [...rowPath, 'id']);
    return {
      anchor: anchorOf(ctx, rowPath),
      label: tr('Action {0}', name),
      cells: [
        textField(ctx, [...rowPath, 'label'], tr('{1} of {0}', name, tr('Name'))),
        textField(ctx, [...rowPath, 'labelEn'], tr('{1} of {0}', name, tr('English name'))),
        idField(ctx, [...rowPath, 'id'], tr('{1} of {0}', name, tr('Id'))),
      ],
      remove: { action: { kind: 'removeAction', index: i }, label: tr('Remove action {0}', name) },
    };
  });
  return {
    kind: 'table',
    anchor: anchorOf(ctx, base),
    label: tr('Follow-up actions'),
    columns: [{ label: tr('Name') }, { label: tr('English name') }, { label: tr('Id') }],
    rows: movable(ctx, rows, base),
    add: { action: { kind: 'addAction', id: freshId(ctx, base, 'action'), label: tr('New action') }, label: tr('Add an action') },
  };
}

/** The clause a category enforces, chosen by its summary; a clause the catalogue does not list (the
 *  editor's catalogue not yet received, a typo) is shown as written, for the validator to name. */
function clauseField(ctx: Context, path: Path, label: string): FormField {
  const names = ctx.catalogue.choices.categoryClauses;
  if (Object.keys(names).length === 0) return textField(ctx, path, label);
  return selectField(
    ctx,
    path,
    label,
    Object.entries(names).map(([value, name]) => ({ value, label: name })),
    '',
  );
}

function categoryOptions(ctx: Context): Option[] {
  return listOf(ctx, ['content', 'categories']).map((_, i) => ({
    value: scalarText(ctx, ['content', 'categories', i, 'id']),
    label: labelOf(ctx, ['content', 'categories', i]),
  }));
}

function actionOptions(ctx: Context): Option[] {
  return listOf(ctx, ['outcomes', 'actions']).map((_, i) => ({
    value: scalarText(ctx, ['outcomes', 'actions', i, 'id']),
    label: labelOf(ctx, ['outcomes', 'actions', i]),
  }));
}

function ratingOptions(ctx: Context): Option[] {
  return listOf(ctx, ['ratings']).map((_, i) => ({
    value: scalarText(ctx, ['ratings', i, 'id']),
    label: labelOf(ctx, ['ratings', i]) || scalarText(ctx, ['ratings', i, 'id']),
  }));
}

function severityOptions(tr: Translate): Option[] {
  return [
    { value: 'error', label: tr('Violation') },
    { value: 'warning', label: tr('Reminder') },
    { value: 'info', label: tr('For information') },
  ];
}

// ─── fields ─────────────────────────────────────────────────────────────────────────────────────

/** `also`: the other top-level keys whose settings the section shows (its problem count covers them). */
function section(ctx: Context, id: string, title: string, path: Path, fields: FormField[], also: string[] = []): FormSection {
  return { id, title, anchor: anchorOf(ctx, path), ...(also.length ? { also } : {}), fields };
}

function textField(ctx: Context, path: Path, label: string): FormField {
  const value = scalarText(ctx, path);
  return {
    kind: 'text',
    anchor: anchorOf(ctx, path),
    label,
    value,
    // Several lines are edited in a text area and written back as the block they were (`|`, `>`).
    ...(value.includes('\n') ? { multiline: true } : {}),
    ...readOnlyNote(ctx, path),
    commit: { kind: 'setText', path, text: '' },
  };
}

/** An id cell: renaming it renames every reference (bands, points, follow-ups) with it. */
function idField(ctx: Context, path: Path, label: string): FormField {
  return {
    kind: 'text',
    anchor: anchorOf(ctx, path),
    label,
    value: scalarText(ctx, path),
    ...readOnlyNote(ctx, path),
    commit: { kind: 'renameId', path, text: '' },
  };
}

function numberField(ctx: Context, path: Path, label: string, unit?: string): FormField {
  return {
    kind: 'number',
    anchor: anchorOf(ctx, path),
    label,
    value: scalarText(ctx, path),
    ...(unit ? { unit } : {}),
    ...readOnlyNote(ctx, path),
    commit: { kind: 'setNumber', path, text: '' },
  };
}

function switchField(ctx: Context, path: Path, label: string, fallback: boolean): FormField {
  const node = nodeAtPath(ctx, path);
  const value = isScalar(node) && typeof node.value === 'boolean' ? node.value : fallback;
  return { kind: 'switch', anchor: anchorOf(ctx, path), label, value, ...readOnlyNote(ctx, path), commit: { kind: 'setSwitch', path, on: false } };
}

function selectField(ctx: Context, path: Path, label: string, options: Option[], fallback: string): FormField {
  return {
    kind: 'select',
    anchor: anchorOf(ctx, path),
    label,
    value: scalarText(ctx, path) || fallback,
    options,
    ...readOnlyNote(ctx, path),
    commit: { kind: 'setChoice', path, value: '' },
  };
}

function chipsField(ctx: Context, path: Path, label: string, suggestions?: Option[]): FormField {
  const chips: Chip[] = listOf(ctx, path).map((_, i) => {
    const text = scalarText(ctx, [...path, i]);
    const label = suggestions?.find((s) => s.value === text)?.label;
    return { text, ...(label && label !== text ? { label } : {}), anchor: anchorOf(ctx, [...path, i]), remove: { kind: 'removeChip', path, index: i } };
  });
  return {
    kind: 'chips',
    anchor: anchorOf(ctx, path),
    label,
    chips,
    add: { kind: 'addChip', path, value: '' },
    ...(suggestions ? { suggestions } : {}),
    ...readOnlyNote(ctx, path),
  };
}

function choicesField(ctx: Context, path: Path, label: string, names: Record<string, string>): FormField {
  const on = new Set(listOf(ctx, path).map((_, i) => scalarText(ctx, [...path, i])));
  const options = [...new Set([...Object.keys(names), ...on])].map((value) => ({
    value,
    label: names[value] ?? value,
    on: on.has(value),
    commit: { kind: 'toggleListValue', path, value, on: false } satisfies FormAction,
  }));
  return { kind: 'choices', anchor: anchorOf(ctx, path), label, options, ...readOnlyNote(ctx, path) };
}

// ─── reading the document ───────────────────────────────────────────────────────────────────────

/** The node at a path, aliases resolved: `reviewers: *leads` shows the leads. */
function nodeAtPath(ctx: Context, path: Path): Node | undefined {
  let node: unknown = ctx.root;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(ctx.doc);
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  if (isAlias(node)) node = node.resolve(ctx.doc);
  return (node ?? undefined) as Node | undefined;
}

/** Why a field shows its value read-only: its text is shared with other keys (yaml-surgery refuses to write it). */
function readOnlyNote(ctx: Context, path: Path): { readOnly: string } | Record<string, never> {
  const shared = sharedAt(ctx.root, path);
  if (shared === 'alias') return { readOnly: ctx.tr('Edit in the text (it uses a value from elsewhere)') };
  if (shared === 'anchor') return { readOnly: ctx.tr('Edit in the text (other keys use this value)') };
  return {};
}

function listOf(ctx: Context, path: Path): unknown[] {
  const node = nodeAtPath(ctx, path);
  return isSeq(node) ? node.items : [];
}

function scalarText(ctx: Context, path: Path): string {
  const node = nodeAtPath(ctx, path);
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : '';
}

/** A record's label as people read it (`label`, the Chinese name), else its English one. */
function labelOf(ctx: Context, path: Path): string {
  return scalarText(ctx, [...path, 'label']) || scalarText(ctx, [...path, 'labelEn']);
}

function freshId(ctx: Context, path: Path, stem: string): string {
  const ids = new Set(listOf(ctx, path).map((_, i) => scalarText(ctx, [...path, i, 'id'])));
  let n = ids.size + 1;
  while (ids.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/**
 * The anchor of a path, with its span recorded: a key's span runs from the key to the end of its
 * value, so a diagnostic on the key or the value lands on the field.
 */
function anchorOf(ctx: Context, path: Path): string {
  const anchor = path.join('.');
  if (!(anchor in ctx.spans)) {
    const span = spanOf(ctx, path);
    if (span) ctx.spans[anchor] = span;
  }
  return anchor;
}

function spanOf(ctx: Context, path: Path): [number, number] | undefined {
  if (!path.length) return undefined;
  const parent = nodeAtPath(ctx, path.slice(0, -1));
  const key = path.at(-1)!;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key)) as Pair<Node, Node | null> | undefined;
    if (!pair) return undefined;
    const start = pair.key.range![0];
    const end = pair.value?.range ? trimmedEnd(ctx.text, pair.value.range[1]) : pair.key.range![1];
    return [start, Math.max(end, pair.key.range![1])];
  }
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key] as Node | undefined;
    return item?.range ? [item.range[0], trimmedEnd(ctx.text, item.range[1])] : undefined;
  }
  return undefined;
}

function trimmedEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}
