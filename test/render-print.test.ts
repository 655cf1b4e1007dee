// The rendered regulation printed from a real browser (headless Debian Chromium via playwright-core):
// A4 pages, as a company document is filed.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';

const chromium = '/usr/bin/chromium';
const available = existsSync(chromium);
const required = process.env.QUNGUI_E2E === '1';
if (!available && !required) console.log('notice: /usr/bin/chromium not found; the render print test is skipped (CI installs chromium and sets QUNGUI_E2E=1)');

// Starts a browser and prints a document.
describe('qungui render --format html, printed', { timeout: 60_000 }, () => {
  it.skipIf(!available && !required)('prints on A4 pages, every chapter heading kept with its text', async () => {
    const html = qungui(['render', 'examples/policies/onboarding.qungui.yaml', '--format', 'html']);
    expect(html.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'qungui-print-'));
    const file = join(dir, 'regulation.html');
    writeFileSync(file, html.stdout);
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
      expect(boxes.length).toBeGreaterThan(1);
      // A4 is 210 × 297 mm: 595 × 842 points.
      for (const box of boxes) expect(box).toEqual([595, 842]);
    } finally {
      await browser.close();
    }
  });
});
