// report.html in a real browser (issue 4): headless Debian Chromium via playwright-core — no console
// errors, no network requests, the charts render with the result's numbers; a screenshot is kept
// under test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

const chromium = '/usr/bin/chromium';
const available = existsSync(chromium);
const required = process.env.QUNGUI_E2E === '1';
if (!available && !required)
  console.log('notice: /usr/bin/chromium not found; the report.html browser test is skipped (CI installs chromium and sets QUNGUI_E2E=1)');

describe('report.html in Chromium', () => {
  const titles = { 'zh-CN': { clause: '按条款', points: '绩效分（人数）' }, en: { clause: 'By clause', points: 'Points (members)' } } as const;
  it.skipIf(!available && !required).each(['zh-CN', 'en'] as const)(
    '%s: renders its charts with no console error and no network request',
    async (locale) => {
      const out = mkdtempSync(join(tmpdir(), 'qungui-report-'));
      expect(
        qungui(['evaluate', '--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10', '--out', out, '--locale', locale]).code,
      ).toBe(0);
      const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
      const { chromium: browserType } = await import('playwright-core');
      const profile = mkdtempSync(join(tmpdir(), 'qungui-chromium-'));
      const context = await browserType.launchPersistentContext(profile, {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) requests.push(r.url());
        });
        await page.goto(pathToFileURL(join(out, 'report.html')).href);
        await page.waitForLoadState('load');
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        // One chart per assessed dimension and policy, plus points, clauses and categories.
        type Member = { policyId: string; ratings: Record<string, string | null>; points: number | null };
        const assessed = new Set(
          result.members.flatMap((m: Member) =>
            Object.entries(m.ratings)
              .filter(([, r]) => r !== null)
              .map(([d]) => `${m.policyId}/${d}`),
          ),
        );
        expect(await page.locator('svg.chart').count()).toBe(assessed.size + 3);
        // The points chart counts every member with points.
        const pointBars = await page
          .locator(`svg[aria-label="${titles[locale].points}"] g.bar`)
          .evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-count'))));
        expect(pointBars.reduce((a, b) => a + b, 0)).toBe(result.members.filter((m: Member) => m.points !== null).length);
        // The clause chart's bars equal the result's counts.
        const byClause = new Map<string, number>();
        for (const f of result.findings) byClause.set(f.clause, (byClause.get(f.clause) ?? 0) + 1);
        const bars = await page
          .locator(`svg[aria-label="${titles[locale].clause}"] g.bar`)
          .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-label'), Number(n.getAttribute('data-count'))]));
        expect(Object.fromEntries(bars)).toEqual(Object.fromEntries(byClause));
        // Bars have real size on the page (the SVG rendered, not just parsed).
        const box = await page.locator(`svg[aria-label="${titles[locale].clause}"] rect`).first().boundingBox();
        expect(box!.width).toBeGreaterThan(10);
        const artifacts = join(repoRoot, 'test-artifacts');
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: join(artifacts, `report-html-${locale}.png`), fullPage: false });
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
