// The one validation entry point: CLI, language server and evaluation all call this. Load → schema →
// semantic rules → (for several files) cross-file checks. Never throws on any input.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildDiagnostic } from './diagnostic-builder.js';
import { crossFileDiagnostics } from './cross-file.js';
import { loadPolicyText, type LoadedPolicy } from './load.js';
import { nodeAtPath, type Path } from './paths.js';
import { policyRules } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { schemaReports } from './schema-validate.js';
import { localized } from '../i18n/localized-text.js';

export interface PolicySource {
  file: string;
  text: string;
  byteLength?: number;
}

export type ValidatedPolicy = LoadedPolicy;

const API_VERSION = /^apiVersion:\s*["']?qungui\/v1["']?\s*(#.*)?$/m;

/** Does this YAML text declare itself a qungui policy (or policy test)? Cheap: no parse. */
export function isPolicyText(text: string): boolean {
  return API_VERSION.test(text.slice(0, 64 * 1024));
}

export function validatePolicy(source: PolicySource): ValidatedPolicy {
  const loaded = loadPolicyText(source.file, source.text, source.byteLength);
  if (loaded.value === undefined) return sortDiagnostics(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  for (const report of schemaReports(loaded)) diagnostics.push(buildDiagnostic(loaded, report));
  if (loaded.value !== null && typeof loaded.value === 'object' && !Array.isArray(loaded.value)) {
    const ctx: RuleContext = {
      loaded,
      policy: loaded.value as Record<string, unknown>,
      report: (report) => diagnostics.push(buildDiagnostic(loaded, report)),
    };
    for (const rule of policyRules) {
      try {
        rule.check(ctx);
      } catch (error) {
        // A rule bug must not hide the other diagnostics; report it where the user can see it.
        diagnostics.push(
          buildDiagnostic(loaded, {
            code: rule.code,
            severity: 'error',
            path: [],
            message: localized('内部错误：规则 {code} 检查失败（{String}）', 'Internal error: rule {code} failed ({String})', {
              code: rule.code,
              String: String(error),
            }),
          }),
        );
      }
    }
  }
  return sortDiagnostics({ ...loaded, diagnostics });
}

export function validatePolicies(sources: readonly PolicySource[]): ValidatedPolicy[] {
  return withCrossFileDiagnostics(sources.map(validatePolicy));
}

/** The cross-file checks (G2) over policies validated one by one: the language server caches those per text. */
export function withCrossFileDiagnostics(validated: readonly ValidatedPolicy[]): ValidatedPolicy[] {
  const cross = crossFileDiagnostics(validated);
  return validated.map((v) => {
    const extra = cross.get(v);
    return extra ? sortDiagnostics({ ...v, diagnostics: [...v.diagnostics, ...extra] }) : v;
  });
}

/** 1-based line and column of the node at `path` (for findings' `rule` locations). */
export function locatePath(validated: ValidatedPolicy, path: Path): { line: number; column: number } | undefined {
  if (!validated.document) return undefined;
  const found = nodeAtPath(validated.document, path);
  const node = found.depth === path.length ? (found.key ?? found.value) : undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = validated.lineCounter.linePos(offset);
  return { line, column: col };
}

function sortDiagnostics(loaded: LoadedPolicy): LoadedPolicy {
  const diagnostics = [...loaded.diagnostics].sort(
    (a, b) =>
      a.range.startOffset - b.range.startOffset ||
      a.range.endOffset - b.range.endOffset ||
      a.code.localeCompare(b.code) ||
      a.message.en.localeCompare(b.message.en),
  );
  return { ...loaded, diagnostics };
}
