// Every form action of the visual editor as the exact text edit it makes on the example policies:
// which characters go, which come, which lines change — every other line byte for byte as it was —
// and the round trip: the form read back from the new text shows what was entered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormAction } from '../../src/visual-editor/form-actions.js';
import type { FormField, PolicyForm } from '../../src/visual-editor/form-model.js';
import { EMPTY_CATALOGUE } from '../../src/visual-editor/policy-catalogue.js';
import { policyEdits } from '../../src/visual-editor/policy-edits.js';
import { policyForm } from '../../src/visual-editor/policy-form.js';
import { applyEdits } from '../../src/visual-editor/text-edit.js';
import { validatePolicy } from '../../../engine/src/index.js';

type Example = 'onboarding' | 'skill-sales' | 'management';
const example = (name: Example) => readFileSync(`examples/policies/${name}.qungui.yaml`, 'utf8');
const identity = (key: string, ...args: (string | number)[]) => key.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** The action applied: each edit (its line, what it removes and inserts) and the lines that differ. */
function run(text: string, action: FormAction) {
  const edits = policyEdits(text, action);
  const after = applyEdits(text, edits);
  return {
    edits: edits.map((e) => ({ line: lineAt(text, e.start), removed: text.slice(e.start, e.end), inserted: e.newText })),
    ...changedLines(text, after),
    after,
  };
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The one block of lines that differs; the lines before and after it are equal by construction. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

/** The line of the text that holds a snippet (1-based), so expectations name lines by their content. */
function lineOf(text: string, snippet: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`no line holds ${snippet}`);
  return index + 1;
}

function form(text: string): PolicyForm {
  return policyForm(text, EMPTY_CATALOGUE, identity);
}

function allFields(f: PolicyForm): FormField[] {
  const out: FormField[] = [];
  const visit = (field: FormField) => {
    out.push(field);
    if (field.kind === 'table') for (const row of field.rows) for (const cell of [...row.cells, ...(row.detail ? [row.detail] : [])]) visit(cell);
  };
  for (const section of f.sections) for (const field of section.fields) visit(field);
  return out;
}

function fieldAt(f: PolicyForm, anchor: string, kind?: FormField['kind']): FormField {
  const found = allFields(f).find((field) => field.anchor === anchor && (!kind || field.kind === kind));
  if (!found) throw new Error(`no field at ${anchor}`);
  return found;
}

function table(f: PolicyForm, anchor: string): Extract<FormField, { kind: 'table' }> {
  const found = fieldAt(f, anchor, 'table');
  if (found.kind !== 'table') throw new Error(`no table at ${anchor}`);
  return found;
}

function valueAt(text: string, anchor: string): string {
  const field = fieldAt(form(text), anchor);
  if (field.kind === 'chips') return field.chips.map((c) => c.text).join(',');
  return 'value' in field ? String(field.value) : '';
}

describe('band grid', () => {
  const text = example('onboarding');

  it('a threshold cell changes exactly that number', () => {
    const result = run(text, { kind: 'setThreshold', dimension: 'assignments', band: 1, metric: 'accuracy', main: 'accuracy', text: '85' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'rating: good, min: { accuracy: 80, completeness: 80 }'), removed: '80', inserted: '85' }]);
    expect(result.removed).toEqual(['      - { rating: good, min: { accuracy: 80, completeness: 80 } }']);
    expect(result.added).toEqual(['      - { rating: good, min: { accuracy: 85, completeness: 80 } }']);
    expect(valueAt(result.after, 'assessment.assignments.bands.1.min.accuracy')).toBe('85');
  });

  it('an empty cell that gets a number adds the metric to the row, in its flow style', () => {
    const result = run(text, { kind: 'setThreshold', dimension: 'assignments', band: 1, metric: 'originality', main: 'accuracy', text: '70' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'rating: good, min: { accuracy: 80'), removed: '', inserted: ', originality: 70' }]);
    expect(result.added).toEqual(['      - { rating: good, min: { accuracy: 80, completeness: 80, originality: 70 } }']);
    expect(valueAt(result.after, 'assessment.assignments.bands.1.min.originality')).toBe('70');
  });

  it('a cleared cell removes the metric with its separator', () => {
    const result = run(text, { kind: 'setThreshold', dimension: 'assignments', band: 0, metric: 'originality', main: 'accuracy', text: '' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'originality: 80'), removed: ', originality: 80', inserted: '' }]);
    expect(result.added).toEqual(['      - { rating: excellent, min: { accuracy: 90, completeness: 100 } }']);
  });

  it('a number `min` (the main metric) is rewritten in place', () => {
    const result = run(text, { kind: 'setThreshold', dimension: 'tests', band: 0, metric: 'score', main: 'score', text: '95' });
    expect(result.edits).toEqual([{ line: lineOf(text, '- { rating: excellent, min: 90 }'), removed: '90', inserted: '95' }]);
    expect(valueAt(result.after, 'assessment.tests.bands.0.min')).toBe('95');
  });

  it('a number `min` that gets a second metric becomes a map, the number under the main metric', () => {
    const scalar = text.replace('{ rating: pass, min: { activeDays: 5, onTimeRate: 50 } }', '{ rating: pass, min: 5 }');
    const result = run(scalar, { kind: 'setThreshold', dimension: 'participation', band: 2, metric: 'contentMessages', main: 'activeDays', text: '8' });
    expect(result.added).toEqual(['      - { rating: pass, min: { activeDays: 5, contentMessages: 8 } }']);
  });

  it('what is not a number is written as typed, for the validator to name', () => {
    const result = run(text, { kind: 'setThreshold', dimension: 'assignments', band: 1, metric: 'accuracy', main: 'accuracy', text: '八十' });
    expect(result.added).toEqual(['      - { rating: good, min: { accuracy: 八十, completeness: 80 } }']);
    expect(valueAt(result.after, 'assessment.assignments.bands.1.min.accuracy')).toBe('八十');
  });

  it('a band written as a block map keeps its other lines (the `when` condition)', () => {
    const sales = example('skill-sales');
    const result = run(sales, { kind: 'setThreshold', dimension: 'participation', band: 0, metric: 'activeDays', main: 'activeDays', text: '14' });
    expect(result.removed).toEqual(['        min: { activeDays: 12, repliesGiven: 10, onTimeRate: 90 }']);
    expect(result.added).toEqual(['        min: { activeDays: 14, repliesGiven: 10, onTimeRate: 90 }']);
  });

  it('adding a band inserts one row above the catch-all, copied from its neighbour', () => {
    const result = run(text, { kind: 'addBand', dimension: 'assignments', rating: 'good' });
    const catchAll = lineOf(text, 'accuracy: 60, completeness: 60') + 1;
    expect(result.edits).toEqual([{ line: catchAll, removed: '', inserted: '      - { rating: good, min: { accuracy: 60, completeness: 60 } }\n' }]);
    expect(result.removed).toEqual([]);
    const rows = fieldAt(form(result.after), 'assessment.assignments.bands', 'table');
    expect(rows.kind === 'table' && rows.rows.map((r) => r.catchAll ?? false)).toEqual([false, false, false, false, true]);
  });

  it('adding a band to a table of block-map rows copies the whole row, `when` included', () => {
    const sales = example('skill-sales');
    // The neighbour of the catch-all row is a flow row; make the block row the one copied.
    const twoRows = run(sales, { kind: 'removeBand', dimension: 'participation', band: 2 }).after;
    const oneRow = run(twoRows, { kind: 'removeBand', dimension: 'participation', band: 1 }).after;
    const result = run(oneRow, { kind: 'addBand', dimension: 'participation', rating: 'good' });
    expect(result.added).toEqual([
      '      - rating: good',
      '        min: { activeDays: 12, repliesGiven: 10, onTimeRate: 90 }',
      '        when: attendanceRate >= 80.0',
    ]);
  });

  it('removing a band removes its line', () => {
    const result = run(text, { kind: 'removeBand', dimension: 'assignments', band: 1 });
    expect(result.edits).toEqual([
      { line: lineOf(text, 'rating: good, min: { accuracy: 80'), removed: '      - { rating: good, min: { accuracy: 80, completeness: 80 } }\n', inserted: '' },
    ]);
  });

  it("a band's rating is a choice of the declared ratings", () => {
    const result = run(text, { kind: 'setBandRating', dimension: 'tests', band: 1, rating: 'pass' });
    expect(result.edits).toEqual([{ line: lineOf(text, '- { rating: good, min: 80 }'), removed: 'good', inserted: 'pass' }]);
  });

  it('every threshold of every example round-trips: one line changes, the form shows the new number', () => {
    let cells = 0;
    for (const name of ['onboarding', 'skill-sales', 'management'] as const) {
      const policy = example(name);
      for (const field of allFields(form(policy))) {
        if (field.kind !== 'number' || field.commit.kind !== 'setThreshold' || !field.value) continue;
        cells++;
        const next = String(Number(field.value) + 1);
        const result = run(policy, { ...field.commit, text: next });
        expect(result.removed, `${name} ${field.anchor}`).toHaveLength(1);
        expect(result.added[0]!.replace(next, field.value)).toBe(result.removed[0]);
        expect(valueAt(result.after, field.anchor)).toBe(next);
      }
    }
    // Every threshold the examples write: onboarding 21, skill-sales 20, management 6.
    expect(cells).toBe(21 + 20 + 6);
  });
});

describe('chips', () => {
  const text = example('onboarding');
  const terms = ['content', 'categories', 0, 'terms'];

  it('adding a term appends it to the flow list', () => {
    const result = run(text, { kind: 'addChip', path: terms, value: '垃圾' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'terms: [废物'), removed: '', inserted: ', 垃圾' }]);
    expect(result.added).toEqual(['      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼, 垃圾]']);
    expect(valueAt(result.after, 'content.categories.0.terms')).toBe('废物,蠢货,白痴,脑残,滚蛋,傻逼,垃圾');
  });

  it('a term that would not read back plain is quoted', () => {
    expect(run(text, { kind: 'addChip', path: terms, value: '加我, 私聊' }).added).toEqual(["      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼, '加我, 私聊']"]);
  });

  it('removing the first and the last chip takes their separators', () => {
    expect(run(text, { kind: 'removeChip', path: terms, index: 0 }).edits[0]).toMatchObject({ removed: '废物, ', inserted: '' });
    expect(run(text, { kind: 'removeChip', path: terms, index: 5 }).edits[0]).toMatchObject({ removed: ', 傻逼', inserted: '' });
  });

  it('a list that does not exist yet is added under its parent, beside its siblings', () => {
    const result = run(text, { kind: 'addChip', path: ['membership', 'eligibility', 'positions'], value: '专员' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'employmentStatus: [正式, 试用]') + 1, removed: '', inserted: '    positions: [专员]\n' }]);
  });

  it('every chip of every example, added then removed, gives the original text back', () => {
    let lists = 0;
    for (const name of ['onboarding', 'skill-sales', 'management'] as const) {
      const policy = example(name);
      for (const field of allFields(form(policy))) {
        if (field.kind !== 'chips' || field.add.kind !== 'addChip' || !field.chips.length) continue;
        lists++;
        const added = run(policy, { ...field.add, value: '新词' }).after;
        const again = fieldAt(form(added), field.anchor, 'chips');
        if (again.kind !== 'chips') throw new Error('not chips');
        expect(again.chips.at(-1)?.text, `${name} ${field.anchor}`).toBe('新词');
        expect(run(added, again.chips.at(-1)!.remove).after, `${name} ${field.anchor}`).toBe(policy);
      }
    }
    expect(lists).toBeGreaterThan(20);
  });
});

describe('scalars, switches and choices', () => {
  const text = example('onboarding');

  it('a number with a unit is rewritten in place', () => {
    const result = run(text, { kind: 'setNumber', path: ['membership', 'removal', 'inactiveDays'], text: '14' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'inactiveDays: 21'), removed: '21', inserted: '14' }]);
  });

  it('a setting not written yet is added as the last key of its section, at its indentation', () => {
    const result = run(text, { kind: 'setNumber', path: ['content', 'stopWithinHours'], text: '12' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'detectorSeverity: error') + 1, removed: '', inserted: '  stopWithinHours: 12\n' }]);
  });

  it('a switch writes true or false', () => {
    const result = run(text, { kind: 'setSwitch', path: ['activities', 'requireSupport'], on: false });
    expect(result.edits).toEqual([{ line: lineOf(text, 'requireSupport: true'), removed: 'true', inserted: 'false' }]);
  });

  it('a detector switched on is appended, switched off removed', () => {
    const on = run(text, { kind: 'toggleListValue', path: ['content', 'detectors'], value: 'url', on: true });
    expect(on.added).toEqual(['  detectors: [phone, id-card, bank-card, email, url]']);
    const off = run(text, { kind: 'toggleListValue', path: ['content', 'detectors'], value: 'phone', on: false });
    expect(off.added).toEqual(['  detectors: [id-card, bank-card, email]']);
    expect(run(text, { kind: 'toggleListValue', path: ['content', 'detectors'], value: 'phone', on: true }).edits).toEqual([]);
  });

  it('a text field keeps the line around it; emptied, the key goes', () => {
    const result = run(text, { kind: 'setText', path: ['metadata', 'name'], text: '2027 届新员工入职培训群' });
    expect(result.added).toEqual(['  name: 2027 届新员工入职培训群']);
    const removed = run(text, { kind: 'setText', path: ['metadata', 'owner'], text: '' });
    expect(removed.edits).toEqual([{ line: lineOf(text, 'owner: '), removed: '  owner: 人力资源部·培训中心\n', inserted: '' }]);
  });

  it('an id, as a text edit, changes its declaration only (the editor renames through the language server)', () => {
    const result = run(text, { kind: 'renameId', path: ['ratings', 2, 'id'], text: 'passed' });
    expect(result.edits).toEqual([{ line: lineOf(text, '{ id: pass, label: 合格'), removed: 'pass', inserted: 'passed' }]);
  });

  it('the overall method is a choice', () => {
    const result = run(text, { kind: 'setChoice', path: ['assessment', 'overall', 'method'], value: 'worst' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'method: weighted'), removed: 'weighted', inserted: 'worst' }]);
  });
});

describe('ratings table', () => {
  const text = example('onboarding');

  it("a rating's points are rewritten in place; follow-ups for a rating with none get their own line", () => {
    expect(run(text, { kind: 'setNumber', path: ['outcomes', 'points', 'good'], text: '3' }).edits).toEqual([
      { line: lineOf(text, 'good: 2'), removed: '2', inserted: '3' },
    ]);
    const followUp = run(text, { kind: 'addChip', path: ['outcomes', 'followUp', 'good'], value: 'coaching' });
    expect(followUp.edits).toEqual([{ line: lineOf(text, 'fail: [retake, coaching]') + 1, removed: '', inserted: '    good: [coaching]\n' }]);
  });

  it('adding a rating appends a row in the flow style of the others', () => {
    const result = run(text, { kind: 'addRating', id: 'rating-5', label: '待定' });
    expect(result.edits).toEqual([{ line: lineOf(text, '{ id: fail, label: 不合格') + 1, removed: '', inserted: '  - { id: rating-5, label: 待定 }\n' }]);
  });

  it('removing a rating removes its row, its points and its follow-ups (two edits, bottom first)', () => {
    const result = run(text, { kind: 'removeRating', index: 1 });
    expect(result.edits).toEqual([
      { line: lineOf(text, '    good: 2'), removed: '    good: 2\n', inserted: '' },
      { line: lineOf(text, '{ id: good, label: 良好'), removed: '  - { id: good, label: 良好, labelEn: Good }\n', inserted: '' },
    ]);
  });
});

describe('content categories', () => {
  it('adding a category appends a block row with only its id and name', () => {
    const text = example('onboarding');
    const result = run(text, { kind: 'addCategory', id: 'category-6', label: '新类别' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'terms: [客户名单') + 1, removed: '', inserted: '    - id: category-6\n      label: 新类别\n' }]);
  });

  it('removing a category removes its block of lines, and nothing around it', () => {
    const text = example('onboarding');
    const result = run(text, { kind: 'removeCategory', index: 1 });
    expect(result.removed).toEqual([
      '    - id: mockery',
      '      label: 嘲讽挖苦',
      '      labelEn: Sarcasm and mockery',
      '      clause: N2',
      '      severity: warning',
      '      terms: [笨得要死, 这都不会, 丢人现眼]',
    ]);
    expect(result.added).toEqual([]);
  });

  it('the allow list is created when the policy has none', () => {
    const text = example('management');
    const result = run(text, { kind: 'addChip', path: ['content', 'allow'], value: '无能为力' });
    expect(result.edits).toEqual([{ line: lineOf(text, 'detectors: [phone, id-card, bank-card]') + 1, removed: '', inserted: '  allow: [无能为力]\n' }]);
  });
});

describe('comments and formatting are kept', () => {
  const text = [
    '# 头部注释',
    'membership:',
    '  removal:',
    '    maxViolations: 3   # 三次即移出',
    '    # 不活跃的成员',
    "    inactiveDays: '21'",
    'content:',
    '  allow: [ 路口交通 ]',
    '',
  ].join('\n');

  it('a number before a trailing comment keeps the comment and its spacing', () => {
    expect(run(text, { kind: 'setNumber', path: ['membership', 'removal', 'maxViolations'], text: '5' }).added).toEqual([
      '    maxViolations: 5   # 三次即移出',
    ]);
  });

  // The actions the form sends for these fields: a number field sends setNumber, a text field setText.
  it('a number field over a quoted number writes the number (the quotes made it a text)', () => {
    expect(run(text, { kind: 'setNumber', path: ['membership', 'removal', 'inactiveDays'], text: '30' }).added).toEqual(['    inactiveDays: 30']);
  });

  it('a quoted text stays quoted', () => {
    const quoted = "metadata:\n  owner: '培训部'\n";
    expect(run(quoted, { kind: 'setText', path: ['metadata', 'owner'], text: '人力资源部' }).added).toEqual(["  owner: '人力资源部'"]);
  });

  it('the form sends for inactiveDays what these tests send', () => {
    const fields = allFields(form(text));
    expect(fields.find((f) => f.anchor === 'membership.removal.inactiveDays')).toMatchObject({ kind: 'number', commit: { kind: 'setNumber' } });
  });

  it('a new key goes after the last one, below the comment lines between', () => {
    const result = run(text, { kind: 'addChip', path: ['membership', 'removal', 'countCategories'], value: 'insult' });
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual(['    countCategories: [insult]']);
    expect(result.after.split('\n')).toEqual([...text.split('\n').slice(0, 6), '    countCategories: [insult]', ...text.split('\n').slice(6)]);
  });

  it('a padded flow list keeps its padding', () => {
    expect(run(text, { kind: 'addChip', path: ['content', 'allow'], value: '他妈妈' }).added).toEqual(['  allow: [ 路口交通, 他妈妈 ]']);
  });
});

describe('escalation, confidentiality and question markers', () => {
  const text = example('onboarding');

  it('the months before escalation and the handover action are rewritten in place', () => {
    expect(run(text, { kind: 'setNumber', path: ['outcomes', 'escalation', 'afterConsecutive'], text: '3' }).edits).toEqual([
      { line: lineOf(text, 'afterConsecutive: 2'), removed: '2', inserted: '3' },
    ]);
    expect(run(text, { kind: 'setChoice', path: ['confidentiality', 'handoverAction'], value: 'coaching' }).edits).toEqual([
      { line: lineOf(text, 'handoverAction: handover'), removed: 'handover', inserted: 'coaching' },
    ]);
  });

  it('an escalation not written yet is added under outcomes, as its last key', () => {
    const without = text.replace(/ {2}escalation:\n( {4}.*\n)+/, '');
    const result = run(without, { kind: 'setChoice', path: ['outcomes', 'escalation', 'action'], value: 'reassign' });
    expect(result.edits).toEqual([{ line: lineOf(without, 'fail: [retake, coaching]') + 1, removed: '', inserted: '  escalation:\n    action: reassign\n' }]);
    expect(valueAt(result.after, 'outcomes.escalation.action')).toBe('reassign');
  });

  it('a confidentiality section not written yet is added at the end, and reads back', () => {
    const without = text.replace(/confidentiality:\n( {2}.*\n)+\n/, '');
    const result = run(without, { kind: 'setNumber', path: ['confidentiality', 'leaverGraceDays'], text: '3' });
    expect(result.edits).toEqual([{ line: without.split('\n').length, removed: '', inserted: 'confidentiality:\n  leaverGraceDays: 3\n' }]);
    expect(valueAt(result.after, 'confidentiality.leaverGraceDays')).toBe('3');
  });

  it('a question marker is appended to the flow list, quoted where YAML needs it', () => {
    expect(run(text, { kind: 'addChip', path: ['responsiveness', 'questionMarkers'], value: '吗' }).added).toEqual([
      "  questionMarkers: ['?', '？', 请问, 怎么, 如何, 为什么, 吗]",
    ]);
    expect(run(text, { kind: 'addChip', path: ['responsiveness', 'questionMarkers'], value: '#' }).added).toEqual([
      "  questionMarkers: ['?', '？', 请问, 怎么, 如何, 为什么, '#']",
    ]);
  });
});

describe('follow-up actions table', () => {
  const text = example('onboarding');

  it('adding an action appends a row in the flow style of the others', () => {
    const result = run(text, { kind: 'addAction', id: 'action-6', label: '新措施' });
    expect(result.edits).toEqual([
      { line: lineOf(text, '{ id: handover, label: 离职交接并移出群聊') + 1, removed: '', inserted: '    - { id: action-6, label: 新措施 }\n' },
    ]);
    expect(table(form(result.after), 'outcomes.actions').rows.map((r) => r.label)).toContain('Action 新措施');
  });

  it('removing an action removes its line; the follow-up that named it is left for the validator to point at', () => {
    const result = run(text, { kind: 'removeAction', index: 1 });
    expect(result.edits).toEqual([
      { line: lineOf(text, '{ id: retake, label: 补考'), removed: '    - { id: retake, label: 补考, labelEn: Retake }\n', inserted: '' },
    ]);
    const unknown = validatePolicy({ file: 'onboarding.qungui.yaml', text: result.after }).diagnostics.filter((d) => d.code === 'unknown-id');
    expect(unknown.map((d) => result.after.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character))).toEqual(['retake']);
  });

  it('the first action of a policy without any is written as a block list under outcomes', () => {
    const without = text.replace(/ {2}actions:\n( {4}- .*\n)+/, '');
    const result = run(without, { kind: 'addAction', id: 'action-1', label: '新措施' });
    expect(result.edits).toEqual([
      { line: lineOf(without, 'action: reassign') + 1, removed: '', inserted: '  actions:\n    - { id: action-1, label: 新措施 }\n' },
    ]);
    expect(table(form(result.after), 'outcomes.actions').rows.map((r) => r.label)).toEqual(['Action 新措施']);
  });
});

describe('moving rows', () => {
  const text = example('onboarding');

  it('a rating moved up trades lines with the one above; nothing else changes', () => {
    const result = run(text, { kind: 'moveRow', path: ['ratings'], index: 1, to: 0 });
    expect(result.removed).toEqual(['  - { id: excellent, label: 优秀, labelEn: Excellent }', '  - { id: good, label: 良好, labelEn: Good }']);
    expect(result.added).toEqual(['  - { id: good, label: 良好, labelEn: Good }', '  - { id: excellent, label: 优秀, labelEn: Excellent }']);
    expect(table(form(result.after), 'ratings').rows.map((r) => r.label)).toEqual(['Rating 良好', 'Rating 优秀', 'Rating 合格', 'Rating 不合格']);
  });

  it('a band moves with the comment lines that head it and the comment after it', () => {
    const commented = text.replace('      - { rating: good, min: 80 }\n', '      # 良好：八十分\n      - { rating: good, min: 80 } # 去年为 85\n');
    const result = run(commented, { kind: 'moveRow', path: ['assessment', 'tests', 'bands'], index: 1, to: 2 });
    expect(result.added).toEqual(['      - { rating: pass, min: 60 }', '      # 良好：八十分', '      - { rating: good, min: 80 } # 去年为 85']);
    expect(run(result.after, { kind: 'moveRow', path: ['assessment', 'tests', 'bands'], index: 2, to: 1 }).after).toBe(commented);
  });

  it('the last row of a file without a final line break moves without joining lines', () => {
    const text = 'ratings:\n  - { id: a, label: A }\n  - { id: b, label: B }';
    expect(run(text, { kind: 'moveRow', path: ['ratings'], index: 1, to: 0 }).after).toBe('ratings:\n  - { id: b, label: B }\n  - { id: a, label: A }');
  });

  it('a table written on one line is refused with a message, not rewritten', () => {
    expect(() => policyEdits('ratings: [{ id: a, label: A }, { id: b, label: B }]\n', { kind: 'moveRow', path: ['ratings'], index: 1, to: 0 })).toThrow(
      'This table is written on one line ([…]): move the row in the text.',
    );
  });

  it('the catch-all band neither moves nor is passed; the ends have one button', () => {
    const bands = table(form(text), 'assessment.tests.bands').rows;
    expect(bands.map((r) => [r.moveUp?.action, r.moveDown?.anchorAfter])).toEqual([
      [undefined, 'assessment.tests.bands.1'],
      [{ kind: 'moveRow', path: ['assessment', 'tests', 'bands'], index: 1, to: 0 }, 'assessment.tests.bands.2'],
      [{ kind: 'moveRow', path: ['assessment', 'tests', 'bands'], index: 2, to: 1 }, undefined],
      [undefined, undefined],
    ]);
  });
});

describe('text normalization switches', () => {
  const text = example('onboarding');
  const line = '  normalize: { width: true, case: true, traditional: true, digits: true, skip: true, repeats: false }';

  it('a switch turns its value in the flow map, nothing else', () => {
    const result = run(text, { kind: 'setSwitch', path: ['content', 'normalize', 'repeats'], on: true });
    expect(result.removed).toEqual([line]);
    expect(result.added).toEqual([line.replace('repeats: false', 'repeats: true')]);
  });

  it('the form shows each switch as written, the default where it is not, and a skip list as chips', () => {
    const switches = (t: string) =>
      ['width', 'case', 'traditional', 'digits', 'skip', 'repeats'].map((key) => {
        const field = fieldAt(form(t), `content.normalize.${key}`);
        return field.kind === 'switch' ? field.value : field.kind === 'chips' ? field.chips.map((c) => c.text) : field.kind;
      });
    expect(switches(text)).toEqual([true, true, true, true, true, false]);
    expect(switches(text.replace(line, "  normalize: { case: false, skip: ['-', '*'] }"))).toEqual([true, false, true, true, ['-', '*'], false]);
  });
});

describe('tables emptied, written otherwise, or sharing values', () => {
  const text = example('onboarding');
  const noActions = text.replace(/( {2}actions:)\n( {4}- .*\n)+/, '$1 []\n');

  it('the first row of an emptied list is a block row, and the next one is added below it', () => {
    const first = run(noActions, { kind: 'addAction', id: 'action-1', label: '新措施' });
    expect(first.removed).toEqual(['  actions: []']);
    expect(first.added).toEqual(['  actions:', '    - { id: action-1, label: 新措施 }']);
    const second = run(first.after, { kind: 'addAction', id: 'action-2', label: '又一项' });
    expect(second.added).toEqual(['    - { id: action-2, label: 又一项 }']);
  });

  it('a list key with no value and a comment keeps the comment on its line', () => {
    const empty = noActions.replace('  actions: []', '  actions: # 待定');
    const result = run(empty, { kind: 'addAction', id: 'action-1', label: '新措施' });
    expect(result.edits).toEqual([{ line: lineOf(empty, 'actions: # 待定') + 1, removed: '', inserted: '    - { id: action-1, label: 新措施 }\n' }]);
  });

  it('a map where the list belongs is refused, not written over', () => {
    const map = noActions.replace('  actions: []', '  actions:\n    retake: 补考 # 应为列表');
    expect(() => policyEdits(map, { kind: 'addAction', id: 'action-1', label: '新措施' })).toThrow(
      'This table is not written as a list: correct it in the text.',
    );
  });

  it('rows that share values (an anchor, an alias) are not moved: the alias would come before its anchor', () => {
    const shared = 'ratings:\n  - &top { id: a, label: A }\n  - *top\n';
    expect(() => policyEdits(shared, { kind: 'moveRow', path: ['ratings'], index: 1, to: 0 })).toThrow(
      'This row shares values with another (& or *): move it in the text.',
    );
  });

  it('the first row moves with the comment lines above it, and the move back gives the text again', () => {
    const commented = 'ratings:\n  # 最好\n  - { id: a, label: A }\n  # 关于 b\n  - { id: b, label: B }\n';
    const down = run(commented, { kind: 'moveRow', path: ['ratings'], index: 0, to: 1 }).after;
    expect(down).toBe('ratings:\n  # 关于 b\n  - { id: b, label: B }\n  # 最好\n  - { id: a, label: A }\n');
    expect(run(down, { kind: 'moveRow', path: ['ratings'], index: 1, to: 0 }).after).toBe(commented);
  });

  it('a table written on one line offers no move buttons', () => {
    const flow = text.replace(/ratings:\n( {2}- .*\n)+/, 'ratings: [{ id: good, label: 良好 }, { id: fail, label: 不合格 }]\n');
    expect(table(form(flow), 'ratings').rows.map((r) => [r.moveUp, r.moveDown])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});
