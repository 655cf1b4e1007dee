// Validation per file, remembered until its text changes: on each edit only the edited policy is
// validated again; the cross-file checks (cheap) run over all of them. The same engine functions as
// `qungui validate` (validatePolicies is exactly this composition), so the results are identical.
import { validatePolicy, withCrossFileDiagnostics, type ValidatedPolicy } from '../engine.js';

export interface Source {
  file: string;
  text: string;
}

export class ValidationCache {
  private readonly byFile = new Map<string, { text: string; validated: ValidatedPolicy }>();

  validate(source: Source): ValidatedPolicy {
    const cached = this.byFile.get(source.file);
    if (cached && cached.text === source.text) return cached.validated;
    const validated = validatePolicy(source);
    this.byFile.set(source.file, { text: source.text, validated });
    return validated;
  }

  /** Each source validated (or remembered) plus the cross-file diagnostics among them. */
  validateAll(sources: Source[]): ValidatedPolicy[] {
    return withCrossFileDiagnostics(sources.map((s) => this.validate(s)));
  }

  forget(file: string): void {
    this.byFile.delete(file);
  }
}
