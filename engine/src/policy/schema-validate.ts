// JSON Schema validation (ajv, compiled once) mapped onto exact source ranges, with messages a
// training officer can act on. anyOf failures are reduced to the branch that fits the value's type:
// never a bare "must match a schema in anyOf" (yaml-language-server #312).
import type { ErrorObject } from 'ajv';
import validatePolicySchema from './policy-validator.generated.cjs';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { didYouMean, suggest } from '../diagnostics/suggest.js';
import { replaceFix, spanOf, type Report } from './diagnostic-builder.js';
import type { LoadedPolicy } from './load.js';
import { parsePointer, type Path } from './paths.js';
import { expandAlternatives, schemasAt, titleAt, titleWithKeyAt } from './schema.js';
import { asWritten, listOf, localized, t } from '../i18n/localized-text.js';

/**
 * The schema compiled ahead of time by ajv's standalone mode (scripts/gen-types.mjs, options
 * { allErrors, strict, allowUnionTypes }): start-up pays no compilation.
 */
export function policyValidator() {
  return validatePolicySchema;
}

const typeNames: Record<string, LocalizedText> = {
  string: localized('文字', 'a string'),
  number: localized('数字', 'a number'),
  integer: localized('整数', 'an integer'),
  boolean: localized('true 或 false', 'true or false'),
  array: localized('列表', 'a list'),
  object: localized('映射（键: 值）', 'a mapping (key: value)'),
  null: localized('空值', 'null'),
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeName(type: string): LocalizedText {
  return typeNames[type] ?? asWritten(type);
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

export function schemaReports(loaded: LoadedPolicy): Report[] {
  const validate = policyValidator();
  if (validate(loaded.value)) return [];
  const errors = reduceAlternatives(validate.errors ?? []);
  const reports: Report[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const report = reportFor(loaded, error);
    if (!report) continue;
    const key = `${report.code}|${report.path.join('/')}|${report.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(report);
  }
  return reports;
}

/**
 * For each anyOf/oneOf failure keep only the errors of the branch whose type fits the value
 * (or, when none fits, a single wrong-type error listing the accepted types).
 */
function reduceAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (alternatives.length === 0) return errors;
  const drop = new Set<ErrorObject>(alternatives);
  const extra: ErrorObject[] = [];
  for (const alt of alternatives) {
    const prefix = `${alt.schemaPath}/`;
    const branchErrors = errors.filter((e) => e !== alt && e.schemaPath.startsWith(prefix));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
      drop.add(e);
    }
    const fitting = [...byBranch.values()].filter((list) => !list.some((e) => e.keyword === 'type' && e.instancePath === alt.instancePath));
    if (fitting.length > 0) {
      // The most specific branch: the one whose errors reach deepest into the value.
      fitting.sort((a, b) => depth(b) - depth(a) || a.length - b.length);
      extra.push(...fitting[0]!);
    } else {
      const types = [...byBranch.values()].flatMap((list) => list.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)));
      extra.push({ ...alt, keyword: 'type', params: { type: [...new Set(types)].join(',') } });
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...extra];
}

function depth(list: ErrorObject[]): number {
  return Math.max(...list.map((e) => e.instancePath.split('/').length));
}

function reportFor(loaded: LoadedPolicy, error: ErrorObject): Report | undefined {
  const path = parsePointer(error.instancePath, loaded.value);
  const value = valueAt(loaded.value, path);
  const title = titleAt(path);
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const missingTitle = titleWithKeyAt([...path, missing]);
      const where = path.length === 0 ? localized('群规', 'the policy') : title;
      return {
        code: 'missing-property',
        severity: 'error',
        path,
        target: 'parent-key',
        message: t('{value}缺少必填项{value2}', "{value3} is missing the required property ''{missing}''", {
          value: where,
          value2: missingTitle,
          value3: where.en === 'the policy' ? 'The policy' : `'${where.en}'`,
          missing,
        }),
      };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = [
        ...new Set(
          schemasAt(path)
            .flatMap(expandAlternatives)
            .flatMap((node) => Object.keys(node.properties ?? {})),
        ),
      ];
      const suggestions = suggest(property, allowed);
      const hint = didYouMean(suggestions);
      const keyPath = [...path, property];
      const report: Report = {
        code: 'unknown-property',
        severity: 'error',
        path: keyPath,
        target: 'key',
        suggestions,
        message: localized('不认识的设置项 “{property}”{value}', "Unknown property ''{property}''{value}", {
          property,
          value: hint.en ? hint : localized('；这里可用：{allowed}', '; allowed here: {allowed}', { allowed: listOf(allowed.map((a) => asWritten(a))) }),
        }),
      };
      if (suggestions[0]) {
        report.fix = replaceFix(
          loaded,
          spanOf(loaded, keyPath, 'key'),
          suggestions[0],
          localized('改为 “{value}”', "Change to ''{value}''", { value: suggestions[0] }),
        );
      }
      return report;
    }
    case 'type': {
      const expected = String(params.type).split(',');
      // Per language (zh-TW from its own names, not the Simplified ones).
      const types = listOf(expected.map(typeName), ' or ', '或');
      const actual = typeName(typeOf(value));
      const withUnit = (expected.includes('number') || expected.includes('integer')) && typeof value === 'string' ? numberWithUnit(value, path) : undefined;
      if (withUnit) {
        const { number, unit } = withUnit;
        const fraction = path.includes('weights') && (unit === '%' || unit === '％');
        return {
          code: 'wrong-type',
          severity: 'error',
          path,
          message: fraction
            ? t(
                '{value}应为小数：{trim} 写成 {number}（各维度权重合计为 1）',
                "''{value}'' must be a fraction: write {trim} as {number} (the weights add up to 1)",
                { value: title, trim: String(value).trim(), number },
              )
            : t(
                '{value}应为数字：写 {number}，不要带“{unit}”（单位已由设置项说明）',
                "''{value}'' must be a number: write {number}, without “{unit}” (the setting names its unit)",
                { value: title, number, unit },
              ),
          fix: replaceFix(loaded, spanOf(loaded, path, 'value'), String(number), localized('改为 {number}', 'Change to {number}', { number })),
        };
      }
      return {
        code: 'wrong-type',
        severity: 'error',
        path,
        message: t('{value}应为{types}，这里是{value2}', "''{value}'' must be {types}, not {value2}", { value: title, types, value2: actual }),
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const suggestions = typeof value === 'string' ? suggest(value, allowed) : [];
      const hint = didYouMean(suggestions);
      const report: Report = {
        code: 'invalid-value',
        severity: 'error',
        path,
        suggestions,
        message: t('{value}的值 {formatValue} 无效{value2}', "''{value}'' has an invalid value {stringify}{value2}", {
          value: title,
          formatValue: formatValue(value),
          value2: hint.en ? hint : localized('；可选值：{allowed}', '; allowed: {allowed}', { allowed: listOf(allowed.map((a) => asWritten(a))) }),
          stringify: JSON.stringify(value),
        }),
      };
      const best = suggestions[0] ?? (allowed.length === 1 ? allowed[0] : undefined);
      if (best !== undefined) {
        report.fix = replaceFix(loaded, spanOf(loaded, path), best, localized('改为 “{best}”', "Change to ''{best}''", { best }));
      }
      return report;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = params.limit as number;
      const op = { minimum: ['≥', 'at least'], maximum: ['≤', 'at most'], exclusiveMinimum: ['>', 'greater than'], exclusiveMaximum: ['<', 'less than'] }[
        error.keyword
      ]!;
      return {
        code: 'out-of-range',
        severity: 'error',
        path,
        message: t('{value}应 {value2} {limit}，这里是 {formatValue}', "''{value}'' must be {value3} {limit}, not {stringify}", {
          value: title,
          value2: String(op[0]),
          limit,
          formatValue: formatValue(value),
          value3: String(op[1]),
          stringify: JSON.stringify(value),
        }),
      };
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'minProperties': {
      const limit = params.limit as number;
      const least = error.keyword !== 'maxItems';
      if (error.keyword === 'minLength' && limit === 1) {
        return { code: 'out-of-range', severity: 'error', path, message: t('{value}不能为空', "''{value}'' must not be empty", { value: title }) };
      }
      return {
        code: 'out-of-range',
        severity: 'error',
        path,
        message: t('{value}{bound}需要 {limit} {unit}', "''{value}'' needs {bound} {limit} {unit}", {
          value: title,
          bound: least ? localized('至少', 'at least') : localized('最多', 'at most'),
          limit,
          unit: error.keyword === 'minLength' ? localized('个字', 'characters') : localized('项', 'items'),
        }),
      };
    }
    case 'maxLength':
      return {
        code: 'out-of-range',
        severity: 'error',
        path,
        message: t('{value}最多 {limit} 个字', "''{value}'' may have at most {limit} characters", { value: title, limit: String(params.limit) }),
      };
    case 'pattern': {
      // Inside propertyNames ajv reports the pattern once more; the propertyNames error marks the key.
      if ((error as { propertyName?: string }).propertyName !== undefined) return undefined;
      const isId = String(params.pattern) === '^[a-z][a-z0-9-]*$';
      return {
        code: 'invalid-format',
        severity: 'error',
        path,
        message: isId
          ? localized(
              '编号 {formatValue} 格式不对：只能用小写英文字母、数字和连字符（-），并以字母开头，例如 sales-onboarding',
              'Id {stringify} is malformed: use lowercase letters, digits and hyphens, starting with a letter (e.g. sales-onboarding)',
              { formatValue: formatValue(value), stringify: JSON.stringify(value) },
            )
          : t('{value}格式不对（应匹配 {pattern}）', "''{value}'' is malformed (must match {pattern})", {
              value: title,
              pattern: String(params.pattern),
            }),
      };
    }
    case 'propertyNames': {
      // ajv reports the bad key through a nested error; the key itself is what to mark.
      const name = String(params.propertyName);
      return {
        code: 'invalid-format',
        severity: 'error',
        path: [...path, name],
        target: 'key',
        message: localized(
          '键 “{name}” 格式不对：应为评级编号（小写字母、数字、连字符）',
          "Key ''{name}'' is malformed: expected a rating id (lowercase letters, digits, hyphens)",
          { name },
        ),
      };
    }
    case 'uniqueItems': {
      const j = params.j as number;
      const i = params.i as number;
      return {
        code: 'duplicate-items',
        severity: 'error',
        path: [...path, Math.max(i, j)],
        message: t('{value}中第 {value2} 项与第 {value3} 项重复', "''{value}'' has a duplicate: item {value3} repeats item {value2}", {
          value: title,
          value2: Math.min(i, j) + 1,
          value3: Math.max(i, j) + 1,
        }),
      };
    }
    default:
      return {
        code: 'invalid-value',
        severity: 'error',
        path,
        message: t('{value}无效（{value2}）', "''{value}'' is invalid ({value2})", { value: title, value2: error.message ?? error.keyword }),
      };
  }
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** "14天", "24 小时", "90%": a number typed with its unit. Weights are fractions, so "40%" means 0.4. */
function numberWithUnit(text: string, path: readonly (string | number)[]): { number: number; unit: string } | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(天|日|小时|个小时|时|h|分钟|分|次|人|条|个|%|％)\s*$/u.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const percent = match[2] === '%' || match[2] === '％';
  const number = percent && path.includes('weights') ? Math.round(value * 1000) / 100000 : value;
  return { number, unit: match[2]! };
}
