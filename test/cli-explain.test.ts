import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';

const month = ['--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10'];

describe('qungui explain', { timeout: 60_000 }, () => {
  it('胡芳 (onboarding, weighted overall): every band table with her numbers: the bands missed, the one reached, the ones below', () => {
    const run = qungui(['explain', ...month, '--member', '胡芳']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '胡芳 · 2026 届新员工入职培训群（2026-10）',
      '作业评级：不合格',
      '  ✗ 优秀：准确率 51% < 90% ✗，完成度 55% < 100% ✗，原创性 48.7% < 80% ✗',
      '  ✗ 良好：准确率 51% < 80% ✗，完成度 55% < 80% ✗',
      '  ✗ 合格：准确率 51% < 60% ✗，完成度 55% < 60% ✗',
      '  → 不合格：其余成员',
      '测试评级：不合格',
      '  ✗ 优秀：分数 46 < 90 ✗',
      '  ✗ 良好：分数 46 < 80 ✗',
      '  ✗ 合格：分数 46 < 60 ✗',
      '  → 不合格：其余成员',
      '参与度评级：优秀',
      '  → 优秀：活跃天数 25 ≥ 15 ✓，有效发言数 52 ≥ 30 ✓，按时提交率 100% ≥ 90% ✓',
      '  · 良好：活跃天数 25 ≥ 10 ✓，有效发言数 52 ≥ 15 ✓，按时提交率 100% ≥ 75% ✓',
      '  · 合格：活跃天数 25 ≥ 5 ✓，按时提交率 100% ≥ 50% ✓',
      '  · 不合格：其余成员',
      '综合评级：不合格',
      '  按权重加权各维度评级的分值：作业 0.4 × 0（不合格） + 测试 0.4 × 0（不合格） + 参与度 0.2 × 100（优秀） = 20 分 → 不合格',
      '  ✗ 优秀：综合得分 20 < 85 ✗',
      '  ✗ 良好：综合得分 20 < 65 ✗',
      '  ✗ 合格：综合得分 20 < 40 ✗',
      '  → 不合格：其余成员',
      '绩效分：-3（群规：综合评级不合格 → -3 分）',
      '后续措施：补考（群规：综合评级不合格时的后续措施）',
      '后续措施：一对一辅导（群规：综合评级不合格时的后续措施）',
      '本月发现 5 条：',
      '  E4 · 提示 · 胡芳的作业评级为不合格',
      '  E5 · 提示 · 胡芳的测试评级为不合格',
      '  N1 · 错误 · 胡芳的消息含不文明用语（侮辱攻击）：“你这个方案写得跟废物一样，重写吧”',
      '  N5 · 提示 · 胡芳的提问 24 小时内无人回复：“报销流程怎么走？”',
      '  R1 · 提示 · 胡芳的综合评级为不合格，扣 3 分',
      '',
    ]);
    // The member id finds the same card; zh-TW and English read the same numbers.
    expect(qungui(['explain', ...month, '--member', 'n09']).stdout).toBe(run.stdout);
    expect(qungui(['explain', ...month, '--member', 'n09', '--locale', 'zh-TW']).stdout).toContain('綜合得分 20 < 40 ✗');
    expect(qungui(['explain', ...month, '--member', 'n09', '--locale', 'en']).stdout).toContain('Weighted rating scores: assignment 0.4 × 0 (Fail)');
  });

  it('a name that is not a member: exit 2 and the closest name', () => {
    const run = qungui(['explain', ...month, '--member', '胡芳芳']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('qungui explain：2026-10 没有成员“胡芳芳”；您是不是要找“胡芳”？\n');
  });
});
