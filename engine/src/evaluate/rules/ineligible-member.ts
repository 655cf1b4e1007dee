// M2: members are formal employees of the allowed departments/positions, plus an optional CEL condition.
import { eligibilityEnvironment } from '../../policy/cel-environments.js';
import type { Path } from '../../policy/paths.js';
import { CelBudgetError, compileBounded } from '../cel-budget.js';
import { who, whoEn } from '../describe.js';
import { DAY } from '../time.js';
import { learners } from '../learners.js';
import { listOf, localized, t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';

export const ineligibleMember: EvalRule = {
  code: 'ineligible-member',
  clause: 'M2',
  needs: ['members', 'employees'],
  settings: [['membership', 'eligibility']],
  path: ['membership', 'eligibility'],
  doc: {
    summary: t('成员不符合入群资格，并指出不满足的条件。', 'A member fails eligibility; the failing criterion is named.'),
    example: t(
      'employmentStatus: [正式]；sunqi 在花名册中为“实习”→ 一条发现，criteria: [employmentStatus]。',
      'employmentStatus: [正式]; sunqi is 实习 in the roster → one finding, criteria: [employmentStatus].',
    ),
    computed: t(
      '对每位学员在 employees 表中查找同 id 的员工：不在花名册中（criterion roster）；employment_status 不在 employmentStatus 中；departments/positions 非空且不包含其部门/职位；expression（CEL，变量 employee.department、position、employmentStatus、tenureDays＝截至月末的入职天数）不为 true。每位成员一条发现，列出全部不满足的条件，规则位置为第一个不满足的条件。',
      'For each learner, look up the employee with the same id: not in the roster (criterion roster); employment_status not in employmentStatus; department/position not in non-empty departments/positions; expression (CEL over employee.department, position, employmentStatus, tenureDays = days since hire at month end) not true. One finding per member listing every failing criterion, located at the first.',
    ),
    configuration: t(
      '`membership.eligibility.employmentStatus`、`departments`、`positions`、`expression`。',
      '`membership.eligibility.employmentStatus`, `departments`, `positions`, `expression`.',
    ),
  },
  run(ctx) {
    const rules = ctx.policy.membership?.eligibility ?? {};
    const expression = rules.expression ? compileBounded(eligibilityEnvironment(), rules.expression) : undefined;
    for (const m of learners(ctx)) {
      const failing: { criterion: string; path: Path; value?: string | null }[] = [];
      const employee = m.employee;
      if (!employee) failing.push({ criterion: 'roster', path: ['membership', 'eligibility'] });
      else {
        if (rules.employmentStatus?.length && !rules.employmentStatus.includes(employee.employment_status)) {
          failing.push({ criterion: 'employmentStatus', path: ['membership', 'eligibility', 'employmentStatus'], value: employee.employment_status });
        }
        if (rules.departments?.length && !rules.departments.includes(employee.department ?? '')) {
          failing.push({ criterion: 'departments', path: ['membership', 'eligibility', 'departments'], value: employee.department ?? null });
        }
        if (rules.positions?.length && !rules.positions.includes(employee.position ?? '')) {
          failing.push({ criterion: 'positions', path: ['membership', 'eligibility', 'positions'], value: employee.position ?? null });
        }
        if (expression) {
          const tenureDays = employee.hire_date === undefined ? 0 : Math.floor((ctx.month.end - employee.hire_date) / DAY);
          let ok = false;
          try {
            ok =
              expression({
                employee: {
                  department: employee.department ?? '',
                  position: employee.position ?? '',
                  employmentStatus: employee.employment_status,
                  tenureDays: BigInt(tenureDays),
                },
              }) === true;
          } catch (error) {
            // Too much work is no verdict on the member: it stops the run, naming the expression.
            if (error instanceof CelBudgetError) {
              error.path ??= ['membership', 'eligibility', 'expression'];
              throw error;
            }
            ok = false;
          }
          if (!ok) failing.push({ criterion: 'expression', path: ['membership', 'eligibility', 'expression'], value: `tenureDays=${tenureDays}` });
        }
      }
      if (failing.length === 0) continue;
      const names = failing.map((f) => f.criterion);
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: failing[0]!.path,
        action: 'review',
        evidence: { criteria: names, values: Object.fromEntries(failing.map((f) => [f.criterion, f.value ?? null])) },
        message: t('{who}不符合入群资格：{failing}', '{whoEn} is not eligible: {failing}', {
          who: who(ctx, m.groupId, m.memberId),
          failing: listOf(failing.map(why), '; ', '；'),
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};

/** One failing criterion in words, with the member's own value (the evidence keeps the codes). */
function why(failing: { criterion: string; value?: string | null }): LocalizedText {
  const value = failing.value ?? '';
  switch (failing.criterion) {
    case 'roster':
      return localized('不在员工花名册中', 'not in the employee roster');
    case 'employmentStatus':
      return localized('在职状态为“{value}”，不在允许范围内', 'employment status “{value}” is not admitted', { value });
    case 'departments':
      return value
        ? localized('部门“{value}”不在允许范围内', 'department “{value}” is not admitted', { value })
        : localized('花名册中没有部门', 'no department in the roster');
    case 'positions':
      return value
        ? localized('职位“{value}”不在允许范围内', 'position “{value}” is not admitted', { value })
        : localized('花名册中没有职位', 'no position in the roster');
    default:
      return localized('不满足群规的附加条件', 'does not meet the policy’s further condition');
  }
}
