// Conditions the fixed structure cannot say are CEL expressions, parsed and type-checked here against
// the variables the engine will provide, with the error's position inside the string.
import type { Environment } from '@marcbachmann/cel-js';
import { isScalar } from 'yaml';
import { bandEnvironment, celVariables, eligibilityEnvironment } from '../cel-environments.js';
import { CEL_COST_LIMIT, estimateCelCost, formatSteps } from '../cel-cost.js';
import { celSyntaxHint } from '../cel-hints.js';
import { replaceFix } from '../diagnostic-builder.js';
import { nodeAtPath } from '../paths.js';
import { spanInString } from '../string-span.js';
import type { Path } from '../paths.js';
import type { PolicyRule, RuleContext } from './rule.js';
import { DIMENSIONS } from '../model/ids.js';
import { at, list, str } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

interface Expression {
  source: string;
  path: Path;
  env: () => Environment;
  variables: string[];
}

function expressions(policy: unknown): Expression[] {
  const found: Expression[] = [];
  const eligibility = str(at(policy, 'membership', 'eligibility', 'expression'));
  if (eligibility !== undefined) {
    found.push({ source: eligibility, path: ['membership', 'eligibility', 'expression'], env: eligibilityEnvironment, variables: celVariables('eligibility') });
  }
  for (const dimension of DIMENSIONS) {
    list(at(policy, 'assessment', dimension, 'bands')).forEach((band, i) => {
      const when = str(at(band, 'when'));
      if (when !== undefined)
        found.push({
          source: when,
          path: ['assessment', dimension, 'bands', i, 'when'],
          env: () => bandEnvironment(dimension),
          variables: celVariables(dimension),
        });
    });
  }
  return found;
}

interface CelError {
  name?: string;
  message?: string;
  node?: { start?: number; end?: number; pos?: number };
}

function checkAll(ctx: RuleContext, wanted: 'syntax' | 'type') {
  for (const expression of expressions(ctx.policy)) {
    let result: { valid: boolean; type?: string; error?: CelError };
    try {
      result = expression.env().check(expression.source) as typeof result;
    } catch (error) {
      result = { valid: false, error: error as CelError };
    }
    const isSyntax = !result.valid && result.error?.name === 'ParseError';
    if (result.valid) {
      if (wanted === 'type' && result.type !== 'bool' && result.type !== 'dyn') {
        ctx.report({
          code: 'cel-type',
          severity: 'error',
          path: expression.path,
          message: localized('条件表达式的结果应为 true/false（bool），这里是 {type}', 'The condition must evaluate to true/false (bool), not {type}', {
            type: String(result.type),
          }),
        });
      }
      continue;
    }
    if ((wanted === 'syntax') !== isSyntax) continue;
    const node = result.error?.node;
    const from = node?.start ?? node?.pos ?? 0;
    const to = Math.max(from + 1, node?.end ?? from + 1);
    const detail = (result.error?.message ?? '').split('\n')[0] ?? '';
    const hint = isSyntax ? celSyntaxHint(expression.source) : undefined;
    if (hint) {
      const hinted = spanInString(ctx.loaded, expression.path, hint.from, hint.to);
      const quoted = scalarQuote(ctx, expression.path);
      ctx.report({
        code: 'cel-syntax',
        severity: 'error',
        path: expression.path,
        ...(hinted ? { span: hinted } : {}),
        message: hint.message,
        // Inside a double-quoted YAML string a quote needs its backslash.
        ...(hinted
          ? { fix: replaceFix(ctx.loaded, hinted, quoted === 'QUOTE_DOUBLE' ? hint.replacement.replaceAll('"', '\\"') : hint.replacement, hint.fixTitle) }
          : {}),
      });
      continue;
    }
    const span = spanInString(ctx.loaded, expression.path, from, to);
    ctx.report({
      code: isSyntax ? 'cel-syntax' : 'cel-type',
      severity: 'error',
      path: expression.path,
      ...(span ? { span } : {}),
      message: isSyntax
        ? from >= expression.source.length
          ? localized('条件表达式到结尾还没写完（例如 && 或 || 后面缺少条件，或括号没有闭合）', 'Syntax error in the condition: {detail}', { detail })
          : localized('条件表达式在第 {column} 个字符附近无法解析，请检查括号、引号和运算符', 'Syntax error in the condition: {detail}', {
              detail,
              column: from + 1,
            })
        : localized('条件表达式类型错误：{detail}（可用变量：{variables}）', 'Type error in the condition: {detail} (variables: {variables2})', {
            detail,
            variables: expression.variables.join('、'),
            variables2: expression.variables.join(', '),
          }),
    });
  }
}

export const celSyntax: PolicyRule = { code: 'cel-syntax', check: (ctx) => checkAll(ctx, 'syntax') };
export const celType: PolicyRule = { code: 'cel-type', check: (ctx) => checkAll(ctx, 'type') };

// cel-cost: a condition that type-checks but whose estimated work (cel-cost.ts) is past the limit would
// run that many steps for every member; it is refused here, before it can hang evaluate or the editor.
function checkCost(ctx: RuleContext) {
  for (const expression of expressions(ctx.policy)) {
    const steps = estimateCelCost(expression.env(), expression.source);
    if (steps === undefined || steps <= CEL_COST_LIMIT) continue;
    const span = spanInString(ctx.loaded, expression.path, 0, expression.source.length);
    const estimated = formatSteps(steps);
    const limit = formatSteps(CEL_COST_LIMIT);
    ctx.report({
      code: 'cel-cost',
      severity: 'error',
      path: expression.path,
      ...(span ? { span } : {}),
      message: localized(
        '条件表达式计算量过大：估计每位成员约 {estimated} 步，上限 {limit} 步。请简化条件：减少嵌套的 exists/all/map/filter，或缩短它们遍历的列表',
        'The condition is too expensive: about {estimated} steps per member, the limit is {limit}. Simplify it: fewer nested exists/all/map/filter, or shorter lists for them to go through',
        { estimated, limit },
      ),
    });
  }
}

export const celCost: PolicyRule = { code: 'cel-cost', check: checkCost };

/** How the YAML string holding the expression is quoted (PLAIN, QUOTE_SINGLE, QUOTE_DOUBLE, …). */
function scalarQuote(ctx: RuleContext, path: Path): string | undefined {
  const node = ctx.loaded.document ? nodeAtPath(ctx.loaded.document, path).value : undefined;
  return isScalar(node) ? node.type : undefined;
}
