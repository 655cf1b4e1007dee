// How much work a CEL condition can do, estimated from its syntax tree before anything runs. cel-js
// has no cost option, and a condition that validates clean — seven nested `exists` over ten-element
// lists is 10^7 steps — would otherwise hang `evaluate` and the editor's code lens for every member.
//
// The model (docs/rules/cel-cost.md), in steps:
// - every node costs 1, plus its children;
// - a comprehension (all, exists, exists_one, filter, map) costs
//   1 + cost(range) + size(range) × (1 + cost(body)), the body being its predicate (and transform);
// - cel.bind(v, e, body) costs 1 + cost(e) + cost(body), v having e's size;
// - building a value costs its size: `+` of two lists or strings (the copy), split (the pieces),
//   join (the string); `in` over a list or map costs the list's size (the search);
// - size is known for literals (a list or map literal: its entries; a string literal: its length) and
//   for what is built from them (`+` adds sizes, filter/map keep their range's, split makes one piece
//   per character at most, cel.bind passes its value's); anything else — a variable, a field, the
//   result of another function — is assumed to hold CEL_ASSUMED_SIZE elements or characters.
// Searching a string (contains, matches, startsWith…) is native and linear in a string no condition
// can grow, so it costs 1. The estimate is an upper bound for inputs no larger than the assumed size.
// Data can be larger (a long department name split into characters), which is why evaluation also
// counts its steps and stops at CEL_RUNTIME_BUDGET (../evaluate/cel-budget.ts).
import type { Environment } from '@marcbachmann/cel-js';

/** Estimated steps above which a condition is refused (cel-cost). Ordinary conditions cost under 100;
 * checking each part of a split department against a 20-name list costs about 4,500. 100,000 steps
 * evaluate in a few milliseconds. */
export const CEL_COST_LIMIT = 100_000;
/** Steps one evaluation may take before it is stopped (CelBudgetError): ten times the static limit,
 * so only data far larger than the assumed size reaches it. */
export const CEL_RUNTIME_BUDGET = 10 * CEL_COST_LIMIT;
/** Elements (or characters) assumed for a list, map or string whose size is unknown before run time. */
export const CEL_ASSUMED_SIZE = 100;

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'filter', 'map']);
/** String functions whose result is about as long as their receiver. */
const SAME_SIZE = new Set(['lowerAscii', 'upperAscii', 'trim', 'substring', 'replace']);

interface Node {
  op: string;
  args: unknown;
  checkedType?: { kind?: string; name?: string };
}

/** cost: steps; size: elements or characters; each: the size of one element; total: of all elements. */
interface Estimate {
  cost: number;
  size: number;
  each: number;
  total: number;
}

type Scope = ReadonlyMap<string, Omit<Estimate, 'cost'>>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).op === 'string' && 'args' in value;
}

function children(node: Node): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown) => {
    if (isNode(value)) found.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  // Leaves hold their literal or name in args; everything else holds nodes (in arrays for lists,
  // maps and calls; a node for unary operators).
  if (node.op !== 'value' && node.op !== 'id') visit(node.args);
  return found;
}

/** A list, map or string (or dyn, which may be one): what `+` copies. */
function isSized(node: Node): boolean {
  const type = node.checkedType;
  return type === undefined || type.kind === 'list' || type.kind === 'map' || type.kind === 'dyn' || type.name === 'string';
}

const scalar = (cost: number): Estimate => ({ cost, size: 0, each: 0, total: 0 });
const unknown = (cost: number): Estimate => ({ cost, size: CEL_ASSUMED_SIZE, each: CEL_ASSUMED_SIZE, total: CEL_ASSUMED_SIZE * CEL_ASSUMED_SIZE });
const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

function estimate(node: Node, scope: Scope): Estimate {
  const parts = () => children(node).map((child) => estimate(child, scope));
  switch (node.op) {
    case 'value': {
      const value = node.args;
      const size = typeof value === 'string' || value instanceof Uint8Array ? value.length : 0;
      return { cost: 1, size, each: 0, total: size };
    }
    case 'id': {
      const bound = scope.get(node.args as string);
      return bound ? { cost: 1, ...bound } : unknown(1);
    }
    case 'list':
    case 'map': {
      const items = parts();
      const entries = node.op === 'map' ? items.length / 2 : items.length;
      return { cost: 1 + sum(items.map((i) => i.cost)), size: entries, each: max(items.map((i) => i.size)), total: sum(items.map((i) => i.size)) };
    }
    case '+': {
      const [a, b] = parts();
      if (!a || !b) break;
      if (!isSized(node)) return scalar(1 + a.cost + b.cost);
      const size = a.size + b.size;
      return { cost: 1 + a.cost + b.cost + size, size, each: Math.max(a.each, b.each), total: a.total + b.total };
    }
    case 'in': {
      const [a, b] = parts();
      if (!a || !b) break;
      return scalar(1 + a.cost + b.cost + b.size);
    }
    case '?:': {
      const [c, a, b] = parts();
      if (!c || !a || !b) break;
      return { cost: 1 + c.cost + a.cost + b.cost, size: Math.max(a.size, b.size), each: Math.max(a.each, b.each), total: Math.max(a.total, b.total) };
    }
    case 'rcall': {
      const [name, receiver, args] = node.args as [string, Node, Node[]];
      if (COMPREHENSIONS.has(name) && args.length >= 2 && args[0]?.op === 'id') return comprehension(name, receiver, args, scope);
      if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel' && args.length === 3 && args[0]?.op === 'id') {
        const { cost, ...value } = estimate(args[1]!, scope);
        const body = estimate(args[2]!, new Map(scope).set(args[0].args as string, value));
        return { ...body, cost: 1 + cost + body.cost };
      }
      const self = estimate(receiver, scope);
      const cost = 1 + self.cost + sum(args.map((arg) => estimate(arg, scope).cost));
      // split('') of n characters makes n + 1 pieces at most, n characters in all.
      if (name === 'split') return { cost: cost + self.size + 1, size: self.size + 1, each: self.size, total: self.size };
      if (name === 'join') return { cost: cost + self.total, size: self.total, each: 0, total: self.total };
      if (SAME_SIZE.has(name)) return { cost, size: self.size, each: 0, total: self.size };
      return node.checkedType && !isSized(node) ? scalar(cost) : unknown(cost);
    }
    default:
      break;
  }
  const cost = 1 + sum(parts().map((p) => p.cost));
  return node.checkedType && !isSized(node) ? scalar(cost) : unknown(cost);
}

function comprehension(name: string, receiver: Node, args: Node[], scope: Scope): Estimate {
  const range = estimate(receiver, scope);
  // The iteration variable is one element of the range: its size is the range's element size.
  const element = { size: range.each, each: CEL_ASSUMED_SIZE, total: range.each * CEL_ASSUMED_SIZE };
  const inner = new Map(scope).set(args[0]!.args as string, element);
  const body = sum(args.slice(1).map((arg) => estimate(arg, inner).cost));
  const cost = 1 + range.cost + range.size * (1 + body);
  if (name === 'filter') return { cost, size: range.size, each: range.each, total: range.total };
  if (name === 'map') return { cost, size: range.size, each: CEL_ASSUMED_SIZE, total: range.size * CEL_ASSUMED_SIZE };
  return scalar(cost);
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Estimated steps of an expression, or undefined when it does not parse or type-check (cel-syntax and
 * cel-type report that). Never throws. */
export function estimateCelCost(env: Environment, source: string): number | undefined {
  try {
    const parsed = env.parse(source);
    // Checking annotates every node with its type: `+` of numbers costs nothing extra.
    if (!parsed.check().valid) return undefined;
    return estimate(parsed.ast as unknown as Node, new Map()).cost;
  } catch {
    return undefined;
  }
}

/** 12,345,678; past what a reader can take in, as a power of ten. */
export function formatSteps(steps: number): string {
  if (!Number.isFinite(steps) || steps >= 1e15) return `10^${Number.isFinite(steps) ? Math.floor(Math.log10(steps)) : '308+'}`;
  return Math.round(steps).toLocaleString('en-US');
}
