// What the test cases exercised, like `opa test --coverage`: each band of each band table, each
// content category, each term and pattern, and each engine rule (finding code) of the policy.
import type { EvaluationResult, Finding } from '../evaluate/result-types.js';
import { evalRules } from '../evaluate/rules/index.js';
import { bandTables } from '../policy/model/band-tables.js';
import { at, list, str } from '../policy/model/view.js';
import type { ValidatedPolicy } from '../policy/validate.js';

export interface CoverageItem {
  kind: 'band' | 'category' | 'term' | 'rule';
  policy: string;
  id: string;
  covered: boolean;
}
export interface CoverageReport {
  items: CoverageItem[];
  percent: number;
  byKind: Record<CoverageItem['kind'], { covered: number; total: number }>;
}

/** Where a finding names the category that matched (evidence.category). */
function categoryOf(finding: Finding): string | undefined {
  return str(finding.evidence.category) ?? str(finding.evidence.categoryId);
}
/** The term or pattern behind a content finding: its policy line is content.categories[c].terms[t]. */
function termOf(validated: ValidatedPolicy, finding: Finding): string | undefined {
  const m = /^content\.categories\[(\d+)\]\.(terms|patterns)\[(\d+)\]$/.exec(finding.rule.path);
  if (!m) return undefined;
  const value = at(validated.value, 'content', 'categories', Number(m[1]), m[2]!, Number(m[3]));
  return typeof value === 'string' ? value : undefined;
}

export class CoverageTracker {
  private readonly items = new Map<string, CoverageItem>();

  constructor(private readonly ruleCodes: readonly string[] = evalRules.map((r) => r.code)) {}

  private add(item: Omit<CoverageItem, 'covered'>) {
    const key = `${item.policy}\u0000${item.kind}\u0000${item.id}`;
    if (!this.items.has(key)) this.items.set(key, { ...item, covered: false });
  }

  private cover(policy: string, kind: CoverageItem['kind'], id: string) {
    const item = this.items.get(`${policy}\u0000${kind}\u0000${id}`);
    if (item) item.covered = true;
  }

  addPolicy(validated: ValidatedPolicy) {
    const policy = validated.file;
    for (const table of bandTables(validated.value)) {
      for (const band of table.bands) this.add({ kind: 'band', policy, id: `${table.dimension}[${band.index}] ${band.rating ?? '?'}` });
    }
    for (const category of list(at(validated.value, 'content', 'categories'))) {
      const id = str(at(category, 'id'));
      if (!id) continue;
      this.add({ kind: 'category', policy, id });
      for (const term of [...list(at(category, 'terms')), ...list(at(category, 'patterns'))]) this.add({ kind: 'term', policy, id: `${id}: ${String(term)}` });
    }
    for (const code of this.ruleCodes) this.add({ kind: 'rule', policy, id: code });
  }

  addResult(validated: ValidatedPolicy, result: EvaluationResult) {
    const policy = validated.file;
    for (const table of bandTables(validated.value)) {
      for (const member of result.members) {
        const rating = (member.ratings as Record<string, string | null>)[table.dimension];
        // The first band giving that rating: results carry ratings, not band indexes.
        const band = table.bands.find((b) => b.rating === rating);
        if (band) this.cover(policy, 'band', `${table.dimension}[${band.index}] ${band.rating}`);
      }
    }
    for (const finding of result.findings) {
      this.add({ kind: 'rule', policy, id: finding.code });
      this.cover(policy, 'rule', finding.code);
      const category = categoryOf(finding);
      if (!category) continue;
      this.cover(policy, 'category', category);
      const term = termOf(validated, finding);
      if (term) this.cover(policy, 'term', `${category}: ${term}`);
    }
  }

  report(): CoverageReport {
    const items = [...this.items.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    const byKind = { band: { covered: 0, total: 0 }, category: { covered: 0, total: 0 }, term: { covered: 0, total: 0 }, rule: { covered: 0, total: 0 } };
    for (const item of items) {
      byKind[item.kind].total++;
      if (item.covered) byKind[item.kind].covered++;
    }
    const covered = items.filter((i) => i.covered).length;
    return { items, byKind, percent: items.length ? Math.round((covered / items.length) * 1000) / 10 : 100 };
  }
}
