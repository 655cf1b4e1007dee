// Hover in process: a key's schema docs in the user's language with the other language in italics
// and its clauses, an id's kind and declaring line, a metric's meaning and range; nothing elsewhere.
import { MarkupKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/server/services/convert.js';
import { hover } from '../../src/server/services/hover.js';
import { at, example, fixture, mark, replaceOnce, type Fixture } from './fixture.js';

const hoverAt = (f: Fixture, locale: Locale) => hover(f.text, f.offset, f.validated, locale);
const markdown = (value: string) => ({ contents: { kind: MarkupKind.Markdown, value } });

describe('hover on a key', () => {
  it('in Chinese: title, description, the English in italics, the clauses', () => {
    expect(hoverAt(at('skill-sales', 'maxVi‸olations'), 'zh-CN')).toEqual(
      markdown(
        [
          '**maxViolations** — 违规上限',
          '',
          '当月违规次数超过此数的成员列为移出候选。',
          '',
          '*A member with more violations than this in the month is a removal candidate.*',
          '',
          '条款：',
          '- **M5** 违规或长期不参与的成员可由管理员移出',
        ].join('\n'),
      ),
    );
  });

  it('in English: description, the Chinese in italics, the clauses', () => {
    expect(hoverAt(at('skill-sales', 'maxVi‸olations'), 'en')).toEqual(
      markdown(
        [
          '**maxViolations**',
          '',
          'A member with more violations than this in the month is a removal candidate.',
          '',
          '*违规上限：当月违规次数超过此数的成员列为移出候选。*',
          '',
          'Clauses:',
          '- **M5** Members who break the rules or stay inactive may be removed',
        ].join('\n'),
      ),
    );
  });

  it('the same key name in two places: metadata.kind is not the document kind', () => {
    const document = hoverAt(at('management', '‸kind: TrainingGroupPolicy'), 'en');
    const group = hoverAt(at('management', '  ki‸nd: management'), 'en');
    expect(document).toEqual(markdown('**kind**\n\nDocument kind. Always `TrainingGroupPolicy`.\n\n*文档类型：文档类型，固定为 TrainingGroupPolicy。*'));
    expect(group).toEqual(
      markdown(
        [
          '**kind**',
          '',
          'Kind of training group: new-employee, skill (skill improvement), management, other.',
          '',
          '*培训群类型：培训群类型：new-employee 新员工培训、skill 业务技能提升、management 管理培训、other 其他。*',
          '',
          'Clauses:',
          '- **G2** Scope: every kind of training group (new-employee, skill, management…)',
        ].join('\n'),
      ),
    );
  });
});

describe('hover on an id', () => {
  it('a rating used in a band: its kind and the line it is declared on', () => {
    const f = at('onboarding', '  - { id: ⟦good⟧, label: 良好', '      - { rating: go‸od, min: 80 }');
    const line = f.ranges[0]!.start.line + 1;
    expect(hoverAt(f, 'zh-CN')).toEqual(markdown(`评级 **good**，声明于第 ${line} 行`));
    expect(hoverAt(f, 'en')).toEqual(markdown(`rating **good**, declared on line ${line}`));
  });

  it('an action, hovered on its own declaration', () => {
    const f = at('onboarding', '    - { id: ⟦hand‸over⟧, label: 离职交接并移出群聊');
    expect(hoverAt(f, 'en')).toEqual(markdown(`action **handover**, declared on line ${f.ranges[0]!.start.line + 1}`));
  });

  it('a category id that is not declared says so', () => {
    const f = fixture(mark(replaceOnce(example('onboarding'), '[insult, ads, rumor]', '[insult, adz, rumor]'), '[insult, a‸dz'), 'onboarding');
    expect(hoverAt(f, 'zh-CN')).toEqual(markdown('内容类别 **adz**（未声明）'));
    expect(hoverAt(f, 'en')).toEqual(markdown('content category **adz** (not declared)'));
  });
});

describe('hover on a metric', () => {
  const accuracyZh =
    "**accuracy** — 准确率（指标，0–100）\n\n本月已评分作业的平均准确率（0–100）。\n\n*Mean accuracy of the month's graded submissions, 0–100.*";

  it('as the value of metric:, in either language', () => {
    const f = at('onboarding', 'metric: accu‸racy');
    expect(hoverAt(f, 'zh-CN')).toEqual(markdown(accuracyZh));
    expect(hoverAt(f, 'en')).toEqual(
      markdown("**accuracy** (metric, 0–100)\n\nMean accuracy of the month's graded submissions, 0–100.\n\n*准确率：本月已评分作业的平均准确率（0–100）。*"),
    );
  });

  it("as a threshold key in a band's min", () => {
    expect(hoverAt(at('onboarding', '{ rating: good, min: { acc‸uracy: 80'), 'zh-CN')).toEqual(markdown(accuracyZh));
    expect(hoverAt(at('skill-sales', 'min: { active‸Days: 12'), 'zh-CN')).toEqual(
      markdown(
        '**activeDays** — 活跃天数（指标，0–31）\n\n本月有有效发言、提交作业或参加直播的天数（0–31）。\n\n*Days of the month with at least one content message, submission or attendance, 0–31.*',
      ),
    );
  });
});

describe('no hover', () => {
  it('on a plain value, a comment, or a blank line', () => {
    expect(hoverAt(at('onboarding', 'timezone: Asia/Shan‸ghai'), 'zh-CN')).toBeNull();
    expect(hoverAt(at('onboarding', '# 2026 届新员工‸入职培训群的群规'), 'zh-CN')).toBeNull();
    expect(hoverAt(at('onboarding', 'admins: [zhangwei, liuyang]\n‸'), 'zh-CN')).toBeNull();
  });
});
