// `qungui render` through the real CLI (issue 7): every chapter present, no [X] left, the numbers
// equal to the policy's, gaps visible (and warned by validate), HTML self-contained.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';

const examples = ['onboarding', 'skill-sales', 'management'];
const chaptersZh = ['总则', '群成员管理', '培训群管理', '交流规范', '培训考核', '考核结果应用', '保密规定', '附则'];
const chaptersEn = [
  'General provisions',
  'Members',
  'Running the group',
  'Communication norms',
  'Assessment',
  'Use of results',
  'Confidentiality',
  'Supplementary provisions',
];

/** The text of one "### title" section of the Markdown output. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`### ${title}`);
  if (start === -1) throw new Error(`section ${title} not found`);
  const next = markdown.indexOf('\n##', start + 4);
  return markdown.slice(start, next === -1 ? undefined : next);
}

// Each case runs the CLI.
describe('qungui render', { timeout: 30_000 }, () => {
  for (const name of examples) {
    const file = `examples/policies/${name}.qungui.yaml`;
    const policy = parse(readFileSync(file, 'utf8'));
    it(`${name}: chapters in order, no gap, numbers from the policy (zh-CN)`, () => {
      const result = qungui(['render', file]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const md = result.stdout;
      expect(md.startsWith(`# ${policy.metadata.name}管理制度\n`)).toBe(true);
      const headings = [...md.matchAll(/^## 第.章　(.+)$/gm)].map((m) => m[1]);
      expect(headings).toEqual(chaptersZh);
      expect(md).not.toMatch(/\[X\]|待定/);
      expect(section(md, '移出')).toContain(
        `当月违规超过 **${policy.membership.removal.maxViolations}** 次，或连续 **${policy.membership.removal.inactiveDays}** 天`,
      );
      expect(section(md, '内容发布')).toContain(`间隔不超过 **${policy.publishing.updateIntervalDays}** 天`);
      expect(section(md, '内容发布')).toContain(`截止前 **${policy.publishing.noticeHours}** 小时`);
      expect(section(md, '直播与讨论')).toContain(`至少提前 **${policy.activities.sessionNoticeHours}** 小时`);
      expect(section(md, '作业（T3）')).toContain(`提交后 **${policy.activities.gradingDays}** 天内`);
      expect(section(md, '及时答复')).toContain(`应在 **${policy.responsiveness.questionReplyHours}** 小时内`);
      const points = section(md, '与绩效挂钩');
      for (const rating of policy.ratings) {
        const value = policy.outcomes.points[rating.id];
        expect(points).toContain(`| ${rating.label} | **${value > 0 ? `+${value}` : value}** |`);
      }
      const assignments = section(md, '作业考核标准');
      const rows = assignments.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| 评级') && !line.startsWith('| ---'));
      expect(rows.length).toBe(policy.assessment.assignments.bands.length);
      policy.assessment.assignments.bands.forEach((band: { rating: string; min?: Record<string, number> }, i: number) => {
        const label = policy.ratings.find((r: { id: string }) => r.id === band.rating).label;
        expect(rows[i]!.startsWith(`| ${label} | `)).toBe(true);
        // Assignment thresholds are percentages, as the regulation writes them.
        for (const threshold of Object.values(band.min ?? {})) expect(rows[i]).toContain(`**${threshold}%**`);
      });
    });
  }

  it('English chapters with --locale en, and HTML that loads nothing from the network', () => {
    const en = qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--locale', 'en']);
    expect(en.code).toBe(0);
    expect([...en.stdout.matchAll(/^## Chapter \d\. (.+)$/gm)].map((m) => m[1])).toEqual(chaptersEn);
    const html = qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(html.stdout).not.toMatch(/<script|src=|href="http/);
    expect((html.stdout.match(/<h2 /g) ?? []).length).toBe(8);
    expect((html.stdout.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it('what members read: no room ids, member ids, allow-list words or detector mechanics; a closing chapter', () => {
    for (const name of examples) {
      const file = `examples/policies/${name}.qungui.yaml`;
      const policy = parse(readFileSync(file, 'utf8'));
      const md = qungui(['render', file]).stdout;
      const ids = [...policy.groups, ...(policy.admins ?? []), ...(policy.membership?.application?.reviewers ?? []), ...(policy.publishing?.publishers ?? [])];
      for (const id of ids) expect(md, `${name}: ${id}`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9])${id}([^A-Za-z0-9]|$)`));
      for (const phrase of policy.content?.allow ?? []) expect(md, `${name}: allow-list phrase ${phrase}`).not.toContain(phrase);
      expect(md).not.toMatch(/ID 以|个词语或模式|主指标|满足的第一档生效|群规编号|Asia\/Shanghai/);
      expect(section(md, '适用范围')).toContain('按**北京时间**计算');
      expect(section(md, '解释与施行')).toBe(
        '### 解释与施行\n\n1. 本制度由培训组织部门负责解释。\n2. 本制度自发布之日起施行。\n3. 本制度未尽事宜，按公司相关规章制度执行。\n',
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'qungui-render-'));
    const file = join(dir, 'issued.qungui.yaml');
    writeFileSync(
      file,
      `${readFileSync('examples/policies/onboarding.qungui.yaml', 'utf8')}document:\n  issuedBy: 人力资源部培训中心\n  effectiveFrom: 2026-11-01\n`,
    );
    const md = qungui(['render', file]).stdout;
    expect(section(md, '解释与施行')).toContain('1. 本制度由**人力资源部培训中心**负责解释。\n2. 本制度自**2026 年 11 月 1 日**起施行。');
  });

  it('a missing number is a visible gap, named on stderr, and validate warns about it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-render-'));
    const file = join(dir, 'gap.qungui.yaml');
    writeFileSync(file, readFileSync('examples/policies/management.qungui.yaml', 'utf8').replace('  gradingDays: 7\n', ''));
    const result = qungui(['render', file]);
    expect(result.code).toBe(0);
    expect(section(result.stdout, '作业（T3）')).toContain('提交后 【待定：activities.gradingDays】 天内');
    expect(result.stderr).toContain('activities.gradingDays');
    const validate = qungui(['validate', file, '--format', 'json']);
    expect(validate.code).toBe(0);
    const codes = JSON.parse(validate.stdout).files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}/${d.severity}`);
    expect(codes).toEqual(['missing-setting/warning']);
  });

  it('a chapter written in the policy replaces the generated one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-render-'));
    const file = join(dir, 'override.qungui.yaml');
    writeFileSync(
      file,
      `${readFileSync('examples/policies/management.qungui.yaml', 'utf8')}document:\n  title: 管理培训群公约\n  sections:\n    general: |\n      本群是新任经理交流管理经验的地方。\n`,
    );
    const result = qungui(['render', file]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('# 管理培训群公约\n')).toBe(true);
    expect(result.stdout).toContain('## 第一章　总则\n\n本群是新任经理交流管理经验的地方。\n\n## 第二章　群成员管理');
  });

  it('refuses a policy with errors (exit 2) and a wrong format', () => {
    expect(qungui(['render', 'test/fixtures/invalid/band-order.qungui.yaml']).code).toBe(2);
    expect(qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--format', 'pdf']).code).toBe(2);
  });
  it("in Traditional Chinese: --locale zh-TW, or the policy's document.locale when no --locale is given", () => {
    const tw = qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--locale', 'zh-TW']);
    expect(tw.code).toBe(0);
    const headings = [...tw.stdout.matchAll(/^## 第.章　(.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['總則', '群成員管理', '培訓群管理', '交流規範', '培訓考核', '考核結果應用', '保密規定', '附則']);
    // The policy's own words (its name) stay as written; qungui's are Traditional.
    expect(tw.stdout).toContain('為使“2026 届新员工入职培训群”執行有序、交流順暢、培訓見效，制定本群規。');
    const dir = mkdtempSync(join(tmpdir(), 'qungui-render-locale-'));
    const file = join(dir, 'p.qungui.yaml');
    writeFileSync(file, `${readFileSync('examples/policies/onboarding.qungui.yaml', 'utf8')}\ndocument:\n  locale: zh-TW\n`);
    const byPolicy = qungui(['render', file]);
    expect(byPolicy.code, byPolicy.stderr).toBe(0);
    expect(byPolicy.stdout).toBe(tw.stdout);
    expect(qungui(['render', file, '--locale', 'en']).stdout).toContain('## Chapter 1. General provisions');
  });
});
