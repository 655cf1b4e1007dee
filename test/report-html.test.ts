// report.html in a real browser: headless Debian Chromium via playwright-core — no console errors, no
// network requests, the charts render with the result's numbers; search, filters, sort and the member
// cards work; a phone (390 px) never scrolls the page sideways; print has no overflow. Screenshots are
// kept under test-artifacts/.
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
  it.skipIf(!available && !required)(
    'zh-CN: search, filters and sort narrow the members; a card shows the band comparison, as qungui explain; phone and print fit',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'qungui-report-'));
      const month = ['--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10'];
      expect(qungui(['evaluate', ...month, '--out', out, '--locale', 'zh-CN']).code).toBe(0);
      const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
      const { chromium: browserType } = await import('playwright-core');
      const browser = await browserType.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) requests.push(r.url());
        });
        await page.goto(pathToFileURL(join(out, 'report.html')).href);
        const artifacts = join(repoRoot, 'test-artifacts');
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: join(artifacts, 'report-first-screen.png') });
        const visible = () => page.locator('section.members tbody tr:visible');
        expect(await visible().count()).toBe(result.members.length);
        // Search: the one member of that name.
        await page.fill('#member-search', '胡芳');
        expect(await visible().locator('td.name').allTextContents()).toEqual(['胡芳']);
        expect(await page.textContent('#member-count')).toBe('1');
        await page.fill('#member-search', '');
        // Group filter: that group's members only, its section alone.
        await page.selectOption('#member-group', 'sales-skill-east');
        expect(await visible().count()).toBe(result.members.filter((m: { policyId: string }) => m.policyId === 'sales-skill-east').length);
        expect(await page.locator('section.members:visible').count()).toBe(1);
        // Rating filter on top: the failing members of the group.
        await page.selectOption('#member-rating', '不合格');
        const failing = result.members.filter(
          (m: { policyId: string; ratings: { overall: string } }) => m.policyId === 'sales-skill-east' && m.ratings.overall === 'fail',
        );
        expect(await visible().count()).toBe(failing.length);
        await page.selectOption('#member-rating', '');
        // Sort on points, ascending then descending.
        const points = () => page.locator('section.members[data-group="sales-skill-east"] tbody tr td.num').allTextContents();
        const header = page.locator('section.members[data-group="sales-skill-east"] th', { hasText: '绩效分' });
        await header.click();
        const ascending = (await points()).map(Number);
        expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
        await header.click();
        const descending = (await points()).map(Number);
        expect(descending).toEqual([...ascending].reverse());
        await page.selectOption('#member-group', '');
        // A member's card: opened from the row's link, with her numbers against each band.
        await page.fill('#member-search', '胡芳');
        await visible().locator('a').click();
        const card = page.locator('details.card[open]');
        // The card is made from its data when the link's hash changes (an event, so poll).
        await expect.poll(() => card.count()).toBe(1);
        await expect.poll(() => card.textContent()).toContain('✗ 合格：综合得分 20 < 40 ✗');
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(artifacts, 'report-member-card.png') });
        // One source: the card reads line for line what qungui explain prints.
        const lines = await card.locator('summary, p').allTextContents();
        const explain = qungui(['explain', ...month, '--member', '胡芳', '--locale', 'zh-CN'])
          .stdout.trimEnd()
          .split('\n')
          .map((l) => l.trim());
        expect(lines.map((l) => l.trim())).toEqual(explain);
        // A phone in WeCom's browser: the page itself never scrolls sideways (wide tables scroll in their box).
        await page.fill('#member-search', '');
        await page.setViewportSize({ width: 390, height: 844 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(artifacts, 'report-phone.png') });
        // Print (A4 at 96 dpi is 794 px wide): nothing wider than the page.
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
        await page.screenshot({ path: join(artifacts, 'report-print.png') });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
