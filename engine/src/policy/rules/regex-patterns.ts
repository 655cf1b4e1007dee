// N1 N4 S1: policy patterns run on a linear-time engine (RE2 via re2js), shared with the matcher.
// invalid-regex: the pattern does not compile. backtracking-regex: it uses a feature (backreference,
// lookaround) that only a backtracking engine has — the kind that can take exponential time.
import { compilePattern } from '../../match/index.js';
import { spanInString } from '../string-span.js';
import type { Path } from '../paths.js';
import type { PolicyRule, RuleContext } from './rule.js';
import { at, list } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

function eachPattern(ctx: RuleContext, visit: (source: string, path: Path) => void) {
  for (const [c, category] of list(at(ctx.policy, 'content', 'categories')).entries()) {
    for (const [i, pattern] of list(at(category, 'patterns')).entries()) {
      if (typeof pattern === 'string') visit(pattern, ['content', 'categories', c, 'patterns', i]);
    }
  }
}

function check(ctx: RuleContext, kind: 'syntax' | 'backtracking') {
  eachPattern(ctx, (source, path) => {
    const result = compilePattern(source);
    if (result.ok || result.kind !== kind) return;
    const span = result.offset !== undefined ? spanInString(ctx.loaded, path, result.offset, result.offset + 1) : undefined;
    ctx.report({
      code: kind === 'syntax' ? 'invalid-regex' : 'backtracking-regex',
      severity: 'error',
      path,
      ...(span ? { span } : {}),
      message:
        kind === 'syntax'
          ? localized('正则表达式无法编译：{message}', 'The regular expression does not compile: {message}', { message: result.message })
          : localized(
              '正则表达式使用了需要回溯的写法（反向引用或环视），可能耗时指数级增长，已拒绝：{message}；请改写为不含 \\1、(?=…)、(?!…)、(?<=…) 的形式',
              'The regular expression needs backtracking (a backreference or lookaround), which can take exponential time, so it is refused: {message}; rewrite it without \\1, (?=…), (?!…), (?<=…)',
              { message: result.message },
            ),
    });
  });
}

export const invalidRegex: PolicyRule = { code: 'invalid-regex', check: (ctx) => check(ctx, 'syntax') };
export const backtrackingRegex: PolicyRule = { code: 'backtracking-regex', check: (ctx) => check(ctx, 'backtracking') };
