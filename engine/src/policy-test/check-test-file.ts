// Diagnostics for a PolicyTest file (kind: PolicyTest), for `qungui test` and the language server:
// YAML problems from the same loader as policies, shape problems from schemas/policy-test.schema.json on
// the exact key or value, and a policy path that does not exist.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import policyTestSchema from '../../../schemas/policy-test.schema.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildDiagnostic } from '../policy/diagnostic-builder.js';
import { loadPolicyText, type LoadedPolicy } from '../policy/load.js';
import { parsePointer } from '../policy/paths.js';
import { localized } from '../i18n/localized-text.js';

type ShapeCheck = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validate: ShapeCheck | undefined;

export function isPolicyTestText(text: string): boolean {
  return /^kind:\s*["']?PolicyTest\b/m.test(text.slice(0, 64 * 1024));
}

export function checkPolicyTestFile(file: string, text: string): LoadedPolicy {
  const loaded = loadPolicyText(file, text);
  if (loaded.value === undefined) return loaded;
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addKeyword('x-i18n');
    validate = ajv.compile(policyTestSchema) as unknown as ShapeCheck;
  }
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!validate(loaded.value)) {
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'if') continue;
      const path = parsePointer(error.instancePath, loaded.value);
      const missing = error.keyword === 'required' ? String((error.params as { missingProperty: string }).missingProperty) : undefined;
      const extra = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : undefined;
      diagnostics.push(
        buildDiagnostic(loaded, {
          code: 'invalid-test-file',
          severity: 'error',
          path: extra ? [...path, extra] : path,
          target: missing ? 'parent-key' : extra ? 'key' : 'value',
          message: missing
            ? localized('测试文件缺少 {missing}', "the test file is missing ''{missing}''", { missing })
            : extra
              ? localized('测试文件中不认识的设置项 “{extra}”', "unknown property ''{extra}'' in the test file", { extra })
              : localized('测试文件格式不对：{value}', 'malformed test file: {value}', { value: error.message ?? error.keyword }),
        }),
      );
    }
  }
  const policy = (loaded.value as { policy?: unknown }).policy;
  if (typeof policy === 'string' && file.startsWith('/') && !existsSync(resolve(dirname(file), policy))) {
    diagnostics.push(
      buildDiagnostic(loaded, {
        code: 'invalid-test-file',
        severity: 'error',
        path: ['policy'],
        message: localized('找不到被测群规 {policy}', 'policy under test not found: {policy}', { policy }),
      }),
    );
  }
  return { ...loaded, diagnostics };
}
