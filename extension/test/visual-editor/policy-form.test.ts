// The form the visual editor draws, read from the example policies with the catalogue the language
// server sends: band grids (a column per metric, the catch-all row marked, sample counts), names people
// read instead of ids, and the engine's diagnostics placed on the field they concern.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../engine/src/index.js';
import { policyCatalogue } from '../../src/server/services/policy-catalogue.js';
import { placeDiagnostics } from '../../src/visual-editor/diagnostic-placement.js';
import type { FormField, PolicyForm, TableRow } from '../../src/visual-editor/form-model.js';
import { policyForm, unreadableMessage } from '../../src/visual-editor/policy-form.js';

const onboarding = readFileSync('examples/policies/onboarding.qungui.yaml', 'utf8');
const zh = JSON.parse(readFileSync('extension/l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
const tr = (key: string, ...args: (string | number)[]) => (zh[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function table(form: PolicyForm, anchor: string): Extract<FormField, { kind: 'table' }> {
  for (const section of form.sections) for (const field of section.fields) if (field.kind === 'table' && field.anchor === anchor) return field;
  throw new Error(`no table at ${anchor}`);
}

function cellTexts(row: TableRow): string[] {
  return row.cells.map((cell) => {
    if (cell.kind === 'select') return cell.options.find((o) => o.value === cell.value)?.label ?? cell.value;
    return 'value' in cell ? String(cell.value) : '';
  });
}

describe('band grids', () => {
  const form = policyForm(onboarding, policyCatalogue('zh-CN'), tr, { bands: { assignments: { 0: 3, 1: 6 } }, categories: { insult: 2 } });
  const grid = table(form, 'assessment.assignments.bands');

  it('have a column per metric the dimension may use, named and with its unit', () => {
    expect(grid.label).toBe('作业档位表');
    expect(grid.columns).toEqual([
      { label: '评级' },
      { label: '准确率', unit: '%' },
      { label: '完成度', unit: '%' },
      { label: '原创性', unit: '%' },
      { label: '按时提交率', unit: '%' },
    ]);
  });

  it('have a row per band, its rating by name, its thresholds where the policy sets them', () => {
    expect(grid.rows.map(cellTexts)).toEqual([
      ['优秀', '90', '100', '80', ''],
      ['良好', '80', '80', '', ''],
      ['合格', '60', '60', '', ''],
      ['不合格', '', '', '', ''],
    ]);
  });

  it('mark the catch-all row, which has no thresholds to type', () => {
    expect(grid.rows.map((r) => r.catchAll ?? false)).toEqual([false, false, false, true]);
    expect(grid.rows[3]!.cells.slice(1).every((c) => c.kind === 'static')).toBe(true);
    expect(grid.rows[3]!.label).toBe('第 4 档：不合格，其余成员');
  });

  it('show the sample-data members per band, 0 where nobody landed', () => {
    expect(grid.rows.map((r) => r.sample)).toEqual(['3 人', '6 人', '0 人', '0 人']);
    const categories = table(form, 'content.categories');
    expect(categories.rows.map((r) => r.sample)).toEqual(['2 条消息', '0 条消息', '0 条消息', '0 条消息', '0 条消息']);
  });

  it('name each threshold cell for screen readers', () => {
    const cell = grid.rows[1]!.cells[1]!;
    expect(cell.label).toBe('第 2 档（良好）的准确率');
    expect(cell.kind === 'number' && cell.unit).toBe('%');
  });

  it('offer a new band above the catch-all, rated with a rating the table does not use yet, else the last', () => {
    const management = policyForm(readFileSync('examples/policies/management.qungui.yaml', 'utf8'), policyCatalogue('zh-CN'), tr);
    expect(table(management, 'assessment.assignments.bands').add?.action).toEqual({ kind: 'addBand', dimension: 'assignments', rating: 'fail' });
    expect(grid.add?.action).toEqual({ kind: 'addBand', dimension: 'assignments', rating: 'fail' });
    const withoutGood = onboarding.replace('      - { rating: good, min: { accuracy: 80, completeness: 80 } }\n', '');
    expect(table(policyForm(withoutGood, policyCatalogue('zh-CN'), tr), 'assessment.assignments.bands').add?.action).toEqual({
      kind: 'addBand',
      dimension: 'assignments',
      rating: 'good',
    });
  });
});

describe('names people read', () => {
  const form = policyForm(onboarding, policyCatalogue('zh-CN'), tr);
  const fields = form.sections.flatMap((s) => s.fields);

  it('detectors and application fields are switches named in Chinese', () => {
    const detectors = fields.find((f) => f.anchor === 'content.detectors');
    expect(detectors?.kind === 'choices' && detectors.options.map((o) => [o.label, o.on])).toEqual([
      ['手机号码', true],
      ['身份证号', true],
      ['银行卡号', true],
      ['电子邮箱', true],
      ['网址', false],
    ]);
    const required = fields.find((f) => f.anchor === 'membership.application.requiredFields');
    expect(required?.kind === 'choices' && required.options.map((o) => o.label)).toEqual(['姓名', '部门', '职位', '入群目的']);
  });

  it('categories counted as violations and follow-ups show names, not ids', () => {
    const counted = fields.find((f) => f.anchor === 'membership.removal.countCategories');
    expect(counted?.kind === 'chips' && counted.chips.map((c) => c.label)).toEqual(['侮辱攻击', '广告推销', '谣言']);
    const ratings = table(form, 'ratings');
    const followUps = ratings.rows[3]!.cells[4]!;
    expect(followUps.kind === 'chips' && followUps.chips.map((c) => c.label)).toEqual(['补考', '一对一辅导']);
    expect(ratings.rows.map((r) => r.label)).toEqual(['评级：优秀', '评级：良好', '评级：合格', '评级：不合格']);
  });

  it('escalation (R2) and confidentiality: ratings and actions by name, days and months as units', () => {
    const shown = (anchor: string) => {
      const field = fields.find((f) => f.anchor === anchor);
      if (field?.kind === 'select') return [field.label, field.options.find((o) => o.value === field.value)?.label];
      if (field?.kind === 'number') return [field.label, field.value, field.unit];
      if (field?.kind === 'chips') return [field.label, field.chips.map((c) => c.text)];
      throw new Error(`no field at ${anchor}`);
    };
    expect(['outcomes.escalation.rating', 'outcomes.escalation.afterConsecutive', 'outcomes.escalation.action'].map(shown)).toEqual([
      ['连续得到此评级时升级处理', '不合格'],
      ['连续几个月后升级处理', '2', '个月'],
      ['升级措施', '调整培训岗位'],
    ]);
    expect(form.sections.find((s) => s.id === 'confidentiality')?.title).toBe('保密规定');
    expect(
      ['confidentiality.externalIdPrefixes', 'confidentiality.leaverGraceDays', 'confidentiality.handoverAction', 'responsiveness.questionMarkers'].map(shown),
    ).toEqual([
      ['外部人员的成员 ID 前缀', ['wm', 'wo']],
      ['离职后可留群交接', '0', '天'],
      ['对仍在群内的离职人员的措施', '离职交接并移出群聊'],
      ['含这些字词的消息视为提问', ['?', '？', '请问', '怎么', '如何', '为什么']],
    ]);
  });

  it('text normalization reads as what it does, not as its keys', () => {
    const labels = ['width', 'case', 'traditional', 'digits', 'skip', 'repeats'].map(
      (key) => fields.find((f) => f.anchor === `content.normalize.${key}`)?.label,
    );
    expect(labels).toEqual([
      '全角与半角视为相同',
      '忽略大小写',
      '繁体与简体视为相同',
      '各种数字写法视为相同（①、一、壹 → 1）',
      '跳过夹在词中的空格、标点和符号',
      '连续重复的字合并为一个（加加加微信 → 加微信）',
    ]);
  });

  it('each section names the other top-level keys it shows, so their problems count in its badge', () => {
    expect(Object.fromEntries(form.sections.map((s) => [s.id, [s.anchor, ...(s.also ?? [])]]))).toEqual({
      group: ['metadata', 'groups', 'admins'],
      membership: ['membership'],
      content: ['content'],
      confidentiality: ['confidentiality'],
      activities: ['activities', 'publishing', 'responsiveness'],
      ratings: ['ratings', 'outcomes'],
      assessment: ['assessment'],
    });
  });

  it("a category's clause is chosen by what the clause says, among those a category may enforce", () => {
    const clause = table(form, 'content.categories').rows[0]!.cells[2]!;
    expect(clause.kind === 'select' && [clause.label, clause.value, clause.options.map((o) => o.label)]).toEqual([
      '“侮辱攻击”的条款',
      'N1',
      [
        'N1 文明用语，不得侮辱、歧视或攻击他人',
        'N2 尊重他人，不得嘲讽、诋毁或人身攻击',
        expect.stringMatching(/^N4 /),
        expect.stringMatching(/^S1 /),
        'S2 未发布的政策、战略和培训教材同属保密范围',
      ],
    ]);
  });

  it('limits carry their units', () => {
    const inactive = fields.find((f) => f.anchor === 'membership.removal.inactiveDays');
    expect(inactive).toMatchObject({ kind: 'number', label: '不活跃天数', value: '21', unit: '天' });
  });

  it('in Traditional Chinese, the page and the catalogue read in Traditional Chinese', () => {
    const zhTw = JSON.parse(readFileSync('extension/l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const trTw = (key: string, ...args: (string | number)[]) => (zhTw[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    const traditional = policyForm(onboarding, policyCatalogue('zh-TW'), trTw);
    const grid = table(traditional, 'assessment.participation.bands');
    expect(grid.label).toBe('參與度檔位表');
    expect(grid.columns[1]).toEqual({ label: '活躍天數', unit: '天' });
    expect(traditional.sections.map((s) => s.title)).toEqual(['基本資訊', '成員管理', '發言規範', '保密規定', '培訓活動與內容發布', '評級', '培訓考核']);
  });

  it('in English, the same form reads in English', () => {
    const english = policyForm(onboarding, policyCatalogue('en'), (key, ...args) => key.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])));
    const grid = table(english, 'assessment.participation.bands');
    expect(grid.label).toBe('Bands of Participation');
    expect(grid.columns.slice(1, 3)).toEqual([
      { label: 'active days', unit: 'days' },
      { label: 'content messages', unit: 'messages' },
    ]);
  });
});

describe('diagnostics beside their field', () => {
  it("the engine's diagnostic on a threshold lands on that cell", () => {
    const broken = onboarding.replace('{ rating: good, min: { accuracy: 80', '{ rating: good, min: { accuracy: 150');
    const form = policyForm(broken, policyCatalogue('zh-CN'), tr);
    const diagnostics = validatePolicy({ file: 'onboarding.qungui.yaml', text: broken }).diagnostics.map((d) => ({
      code: d.code,
      offset: d.range.startOffset,
    }));
    const { byAnchor, unplaced } = placeDiagnostics(form.spans, diagnostics);
    expect(unplaced).toEqual([]);
    expect(Object.keys(byAnchor)).toEqual(['assessment.assignments.bands.1.min.accuracy']);
    expect(byAnchor['assessment.assignments.bands.1.min.accuracy']!.map((d) => d.code).sort()).toEqual(['band-order', 'band-out-of-range']);
  });

  it('a misspelled rating id lands on the band’s rating select', () => {
    const typo = onboarding.replace('- { rating: good, min: 80 }', '- { rating: goood, min: 80 }');
    const typoForm = policyForm(typo, policyCatalogue('zh-CN'), tr);
    const typoPlaced = placeDiagnostics(
      typoForm.spans,
      validatePolicy({ file: 'x.qungui.yaml', text: typo }).diagnostics.map((d) => ({ offset: d.range.startOffset })),
    );
    expect(Object.keys(typoPlaced.byAnchor)).toEqual(['assessment.tests.bands.1.rating']);
  });

  it('what no field holds is listed apart', () => {
    expect(placeDiagnostics({ a: [10, 20] }, [{ offset: 5 }, { offset: 15 }])).toEqual({ byAnchor: { a: [{ offset: 15 }] }, unplaced: [{ offset: 5 }] });
  });

  it('a text yaml cannot read shows no fields, and says why in the language server’s words, not yaml’s English', () => {
    const text = 'ratings: [a, b\n';
    const form = policyForm(text, policyCatalogue('zh-CN'), tr);
    expect(form.sections).toEqual([]);
    expect(form.unreadable).toBe('YAML 无法读取：文本编辑器中标出了位置。');
    const diagnostics = validatePolicy({ file: 'x.qungui.yaml', text }).diagnostics.map((d) => ({
      offset: d.range.startOffset,
      message: d.message['zh-CN'],
      severity: d.severity,
    }));
    expect(unreadableMessage(tr, form.unreadableAt!, diagnostics)).toBe('此处的 YAML 无法读取：缩进不正确，同一层级的项目须对齐');
  });
});

describe('values the form shows but does not write', () => {
  const field = (form: PolicyForm, anchor: string): FormField => {
    for (const section of form.sections) for (const f of section.fields) if (f.anchor === anchor) return f;
    throw new Error(`no field at ${anchor}`);
  };
  const text = 'leads: &a [x, y]\nmembership:\n  application:\n    reviewers: *a\n  removal:\n    maxViolations: &n 5\n    inactiveDays: *n\n';
  const form = policyForm(text, policyCatalogue('zh-CN'), tr);
  it('an alias shows the values it refers to, read-only, with why', () => {
    const reviewers = field(form, 'membership.application.reviewers');
    expect(reviewers.kind === 'chips' && reviewers.chips.map((c) => c.text)).toEqual(['x', 'y']);
    expect(reviewers.readOnly).toBe('在文本中编辑（引用了别处的值）');
    const days = field(form, 'membership.removal.inactiveDays');
    expect([days.kind === 'number' && days.value, days.readOnly]).toEqual(['5', '在文本中编辑（引用了别处的值）']);
  });
  it('an anchored value is read-only too; a plain one is not', () => {
    expect(field(form, 'membership.removal.maxViolations').readOnly).toBe('在文本中编辑（别处引用了这个值）');
    expect(field(form, 'membership.removal.countCategories').readOnly).toBeUndefined();
  });
  it('a value of several lines is edited in a text area', () => {
    const name = field(policyForm('metadata:\n  name: |\n    a\n    b\n', policyCatalogue('zh-CN'), tr), 'metadata.name');
    expect(name).toMatchObject({ kind: 'text', value: 'a\nb\n', multiline: true });
  });
});

describe('units in the form’s language', () => {
  it('an English form reads threshold units in English, a Traditional one in Traditional', () => {
    const units = (locale: 'en' | 'zh-CN' | 'zh-TW') => Object.values(policyCatalogue(locale).metrics).map((m) => m.unit);
    expect(units('en').filter((u) => /[^\x20-\x7e]/.test(u))).toEqual([]);
    expect(units('zh-CN')).toContain('条');
    expect(units('zh-TW')).toContain('條');
  });
});
