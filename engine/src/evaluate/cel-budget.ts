// CEL conditions run with a step budget. The static estimate (../policy/cel-cost.ts) assumes a size
// for lists and strings only known at run time; a month's data can be larger (a department name of
// thousands of characters split into characters), so every evaluation counts its steps and stops
// past CEL_RUNTIME_BUDGET with a CelBudgetError that callers must not swallow as "false".
//
// cel-js 8 has no hook for this: no cost option, and its evaluator is private. What it does expose is
// the parsed tree (ParseResult.ast) and each node's `meta` (check, evaluate, and the `alternate` or
// `macro` a node stands for). A node is evaluated through its own `evaluate(ev, ast, ctx)`; we give
// every node of the tree — the comprehensions macros expand to included — an own `evaluate` that
// counts one step, then does what ASTNode#evaluate does (run the alternate, the macro, or the
// operator's evaluate). Lists a node builds (`+`, split, map, filter) count their length too, so
// copying is paid for. Interpreting the tree ourselves would duplicate cel-js's semantics; counting at
// the one call every node goes through keeps them.
//
// `matches` is the one call whose work no step count bounds: cel-js runs it on JavaScript's
// backtracking RegExp, where `'^(a+)+$'` over 30 characters of data takes minutes. CEL specifies RE2
// syntax, so the instrumented tree runs `matches` on RE2 (re2js), linear in the text, like the
// policy's content patterns. A pattern RE2 refuses (a backreference, lookaround) is an evaluation
// error, as an invalid pattern already was.
//
// Quantifiers (exists, all) and `||`/`&&` absorb errors of their operands, as CEL says they should;
// once over budget every further node throws at once, so whatever is left unwinds in a few steps, and
// the run as a whole is judged by its count, not by what CEL made of the error.
import type { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import { CEL_RUNTIME_BUDGET, formatSteps } from '../policy/cel-cost.js';
import type { Path } from '../policy/paths.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';

interface Meta {
  evaluate: (this: Node, ev: unknown, ast: Node, ctx: unknown) => unknown;
  alternate?: Node;
  macro?: { evaluate: (ev: unknown, macro: unknown, ctx: unknown) => unknown } & Record<string, unknown>;
}

interface Node {
  op: string;
  args: unknown;
  readonly meta: Meta;
  evaluate: (ev: unknown, ast: Node, ctx: unknown) => unknown;
}

/** Where the condition is and how far it got; file and line are added where the policy is known. */
export class CelBudgetError extends Error {
  override name = 'CelBudgetError';
  file?: string;
  line?: number;
  column?: number;

  constructor(
    readonly budget: number,
    public path?: Path,
  ) {
    super(`CEL condition exceeded its budget of ${formatSteps(budget)} steps`);
  }

  /** `onboarding.qungui.yaml:15:24`, or the JSON path when the line is not known. */
  where(): string {
    if (this.file === undefined) return this.path ? this.path.join('.') : '';
    return this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
  }

  describe(): LocalizedText {
    const where = this.where();
    const budget = formatSteps(this.budget);
    return localized(
      '{value}条件表达式在本月数据上的计算超过了 {budget} 步的上限，考核已停止，未写入结果。请简化这个条件（减少嵌套的 exists/all/map/filter，或不要遍历 split() 等按数据长度生成的列表）。',
      "{value2}the condition took more than its limit of {budget} steps on this month''s data; evaluation stopped and nothing was written. Simplify the condition (fewer nested exists/all/map/filter, or no iterating over lists as long as the data, such as split()).",
      { value: where ? `${where}：` : '', budget, value2: where ? `${where}: ` : '' },
    );
  }
}

// One evaluation at a time: CEL here is synchronous, so a module-wide counter is per evaluation.
let steps = 0;
let budget = Number.POSITIVE_INFINITY;
// Thrown inside the tree once over budget. Made once: an Error (quantifiers treat only Errors as
// errors) without a fresh stack trace per throw, as the unwinding may throw it many times.
const OVER = new Error('CEL budget exceeded');

function countedEvaluate(this: Node, ev: unknown, ast: Node, ctx: unknown): unknown {
  if (++steps > budget) throw OVER;
  const meta = this.meta;
  let result: unknown;
  if (meta.alternate) result = meta.alternate.evaluate(ev, meta.alternate, ctx);
  else if (meta.macro) result = meta.macro.evaluate(ev, meta.macro, ctx);
  else result = meta.evaluate.call(this, ev, ast, ctx);
  // Lists a node builds: copies (`+`), split's pieces, map's and filter's results. A comprehension's
  // accumulator is the same list every step, so only the node that hands it out is charged.
  if (Array.isArray(result) && (this.op === '+' || this.op === 'rcall' || this.op === 'call') && (steps += result.length) > budget) throw OVER;
  return result;
}

const patterns = new Map<string, RE2JS | Error>();

function re2(pattern: string): RE2JS {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    // Patterns built from data could be many; a small cache is enough for the literals policies use.
    if (patterns.size >= 256) patterns.clear();
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      compiled = new Error(`Invalid regular expression (RE2): ${pattern}: ${(error as Error).message}`);
    }
    patterns.set(pattern, compiled);
  }
  if (compiled instanceof Error) throw compiled;
  return compiled;
}

/** `text.matches(pattern)` on RE2: a search anywhere in the text, as RegExp#test and CEL's matches. */
function countedMatches(this: Node, ev: unknown, _ast: Node, ctx: unknown): unknown {
  if (++steps > budget) throw OVER;
  const [, receiver, [pattern]] = this.args as [string, Node, Node[]];
  const run = (node: Node) => (ev as { run(node: Node, ctx: unknown): unknown }).run(node, ctx);
  const text = run(receiver);
  const source = run(pattern!);
  if (typeof text !== 'string' || typeof source !== 'string') throw new Error('matches() needs a string and a string pattern');
  return re2(source).matcher(text).find();
}

function isMatchesCall(node: Node): boolean {
  const args = node.args as unknown[];
  return node.op === 'rcall' && Array.isArray(args) && args[0] === 'matches' && Array.isArray(args[2]) && args[2].length === 1;
}

function instrument(root: Node): void {
  const NodeClass = (root as object).constructor;
  const isNode = (value: unknown): value is Node => value instanceof NodeClass;
  const seen = new Set<Node>();
  const visit = (value: unknown, depth: number): void => {
    if (isNode(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      value.evaluate = isMatchesCall(value) ? countedMatches : countedEvaluate;
      if (value.op !== 'value' && value.op !== 'id') visit(value.args, 0);
      visit(value.meta.alternate, 0);
      visit(value.meta.macro, 0);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
    } else if (typeof value === 'object' && value !== null && depth === 0) {
      // A comprehension's args ({ iterable, init, step, … }) or a macro ({ args, val, exp, … }): their
      // nodes, not the contexts and types beside them.
      for (const item of Object.values(value)) if (isNode(item) || Array.isArray(item)) visit(item, 1);
    }
  };
  visit(root, 0);
}

export type BoundedCondition = (context: Record<string, unknown>) => unknown;

/**
 * Parse, type-check and instrument `source` once; each call evaluates it within `limit` steps and
 * throws CelBudgetError past it. Other errors (a missing variable…) are thrown as cel-js throws them.
 */
export function compileBounded(env: Environment, source: string, limit = CEL_RUNTIME_BUDGET): BoundedCondition {
  const parsed = env.parse(source);
  // Checked once here, so evaluation does not re-check (and make nodes) on its first run.
  parsed.check();
  instrument(parsed.ast as unknown as Node);
  return (context) => {
    steps = 0;
    budget = limit;
    try {
      const result = parsed(context);
      if (steps > limit) throw new CelBudgetError(limit);
      return result;
    } catch (error) {
      if (steps > limit) throw new CelBudgetError(limit);
      throw error;
    } finally {
      budget = Number.POSITIVE_INFINITY;
    }
  };
}

/** Steps the last bounded evaluation took (tests). */
export function lastCelSteps(): number {
  return steps;
}
