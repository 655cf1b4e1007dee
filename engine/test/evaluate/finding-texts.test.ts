// What HR and admins read: every finding text of the example month, in each language, as a reviewed
// golden file (engine/test/evaluate/finding-texts/), and none of them showing a member id, a room
// id, a finding code, a policy path or a file path. `QUNGUI_UPDATE_GOLDEN=1` rewrites the golden files
// after an intended change; review the diff as a reader of the reports would.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { openBundle } from '../../src/data/index.js';
import type { EvaluationResult } from '../../src/evaluate/index.js';
import { evaluate } from '../../src/evaluate/index.js';
import { validatePolicies } from '../../src/policy/validate.js';
import { labelsFromPolicies, writeReports } from '../../src/report/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const goldenDir = fileURLToPath(new URL('./finding-texts/', import.meta.url));

async function exampleMonth(): Promise<{ result: EvaluationResult; labels: ReturnType<typeof labelsFromPolicies> }> {
  const dir = join(root, 'examples/policies');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `examples/policies/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const bundle = await openBundle(join(root, 'examples/data/2026-10'), { timezone: 'Asia/Shanghai', month: '2026-10' });
  const policies = validatePolicies(sources);
  return { result: await evaluate({ policies, bundle, month: '2026-10' }), labels: labelsFromPolicies(policies) };
}

const { result, labels } = await exampleMonth();

describe('finding texts of the example month', () => {
  for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`${locale}: as reviewed (golden)`, () => {
      const text = `${result.findings.map((f) => `${f.clause} ${f.code}: ${f.message[locale]}`).join('\n')}\n`;
      const file = join(goldenDir, `example-month.${locale}.txt`);
      if (process.env.QUNGUI_UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  test('no member id, room id, finding code, policy path or file path in any text', () => {
    const named = new Set(result.members.filter((m) => m.name !== null && m.name !== m.memberId).map((m) => m.memberId));
    const codes = new Set(result.findings.map((f) => f.code));
    const rooms = new Set(result.findings.map((f) => f.groupId).filter((g): g is string => g !== null));
    for (const f of result.findings) {
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
        const text = f.message[locale];
        // Quoted chat text is the data's own and may contain anything.
        const outsideQuotes = text.replace(/“[^”]*”/g, '“…”');
        for (const id of named)
          expect(outsideQuotes, `${f.code} ${locale}: member id ${id}`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9_])${id}([^A-Za-z0-9_]|$)`));
        for (const room of rooms) expect(outsideQuotes, `${f.code} ${locale}: room id`).not.toContain(room);
        for (const code of codes) expect(outsideQuotes, `${f.code} ${locale}: finding code`).not.toContain(code);
        expect(outsideQuotes, `${f.code} ${locale}: a path`).not.toMatch(/\.qungui\.yaml|[a-z]+\.[a-z]+\[|(^|\s)[a-z]+(\.[a-zA-Z]+){1,}/);
      }
    }
  });

  for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`${locale}: report.md shows no policy id, file path or policy path`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qungui-texts-'));
      await writeReports(result, dir, { locale, formats: [], labels });
      const text = readFileSync(join(dir, 'report.md'), 'utf8').replace(/“[^”]*”/g, '“…”');
      for (const policy of result.policies) expect(text, `policy id ${policy.id}`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9-])${policy.id}([^A-Za-z0-9-]|$)`));
      expect(text).not.toMatch(/\.qungui\.yaml|content\.categories|assessment\.|membership\./);
    });
  }

  for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`${locale}: the people columns of members.csv and findings.csv show no id, code or path`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qungui-texts-'));
      await writeReports(result, dir, { locale, formats: [], labels });
      const named = new Set(result.members.filter((m) => m.name !== null && m.name !== m.memberId).map((m) => m.memberId));
      const ids = [
        ...named,
        ...result.policies.map((p) => p.id),
        ...new Set(result.findings.map((f) => f.code)),
        ...new Set(result.members.map((m) => m.groupId)),
      ];
      // Ids and codes have columns of their own at the end (2 in members.csv; 3 in findings.csv, after the evidence).
      for (const [file, trailing] of [
        ['members.csv', 2],
        ['findings.csv', 4],
      ] as const) {
        const [, ...rows] = parse(readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '')) as string[][];
        for (const row of rows) {
          const people = row
            .slice(0, row.length - trailing)
            .join(' | ')
            .replace(/“[^”]*”/g, '“…”');
          for (const id of ids) expect(people, `${file}: ${id}`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9_-])${id}([^A-Za-z0-9_-]|$)`));
          expect(people, file).not.toMatch(/\.qungui\.yaml|content\.categories/);
        }
      }
    });
  }
});
