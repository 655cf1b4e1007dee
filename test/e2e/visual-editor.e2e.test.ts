// The visual policy editor in real VS Code (code-server 4.100.3 + Chromium), on the packaged .vsix:
// open an example policy with it beside the text, change a band threshold in the grid (the file then
// differs from the original in exactly that number), type a value out of range (the field shows the
// engine's Chinese error and Problems lists it), undo (the text is back), add a term chip (the term is
// in the list), misspell a rating id in the text (the form offers the quick fix as a button), rename a
// rating id in the ratings table (every use follows), double-click a chip's × (one chip goes).
// Screenshots go to test-artifacts/e2e/ (the README's come from there).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// The engine's source, as in scenario.ts: the expected message is what `qungui validate` says.
import { validatePolicy } from '../../engine/src/index.js';
import { ensureCodeServer } from './support/code-server-install.js';
import { quietSettings, startCodeServer } from './support/code-server-session.js';
import { editorGate } from './support/gate.js';
import { ensureArtifactsDir, freshTempDir } from './support/paths.js';
import { examplesDir, scenarioFileName, scenarioRelativePath } from './support/scenario.js';
import { packageVsix } from './support/vsix.js';
import { chromiumArgs, goTo, openFileByName, renderedLine, runFromPalette, showProblems } from './support/vscode-page.js';

const CHROMIUM = '/usr/bin/chromium';
const gate = editorGate('visual editor e2e (code-server + Chromium)', [CHROMIUM]);

const BAND_LINE = '      - { rating: good, min: { accuracy: 80, completeness: 80 } }';
const CHANGED_LINE = '      - { rating: good, min: { accuracy: 85, completeness: 80 } }';
const OUT_OF_RANGE_LINE = '      - { rating: good, min: { accuracy: 150, completeness: 80 } }';
const TERMS_LINE = '      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼]';
const TERMS_ADDED = '      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼, 垃圾]';
const TESTS_GOOD_LINE = '      - { rating: good, min: 80 }';
/** The threshold cell's name for screen readers: "第 2 档（良好）的准确率（%）". */
const CELL_LABEL = '第 2 档（良好）的准确率（%）';

/** Scrolls an element of the form into view; the page redraws as counts and fixes arrive, so once it holds still. */
async function scrollTo(target: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        target.scrollIntoViewIfNeeded({ timeout: 1000 }).then(
          () => true,
          () => false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The tab of the text editor in the left group. */
function textTab(page: Page) {
  return page.locator('.editor-group-container').first().locator('.tab', { hasText: scenarioFileName }).first();
}

describe.runIf(gate.run)('the visual policy editor in real VS Code (code-server 4.100.3 + Chromium)', () => {
  it('edits a band threshold in the grid, shows the Chinese error beside it, undoes, adds a term chip, offers a quick fix, renames an id', {
    timeout: 15 * 60_000,
  }, async () => {
    if (gate.missing) throw new Error(gate.missing);
    const original = readFileSync(join(examplesDir, scenarioRelativePath), 'utf8');
    expect(original).toContain(BAND_LINE);
    const outOfRange = validatePolicy({ file: scenarioRelativePath, text: original.replace(BAND_LINE, OUT_OF_RANGE_LINE) }).diagnostics.find(
      (d) => d.code === 'band-out-of-range',
    );
    if (!outOfRange) throw new Error('the engine no longer reports a threshold of 150 % as out of range');

    const artifacts = ensureArtifactsDir();
    const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `visual-editor-${name}.png`) });
    const entry = ensureCodeServer();
    const vsix = packageVsix();
    const home = freshTempDir('visual-editor');
    const workspace = join(home, 'examples');
    cpSync(examplesDir, workspace, { recursive: true });
    const file = join(workspace, scenarioRelativePath);
    const onDisk = () => readFileSync(file, 'utf8');
    const session = await startCodeServer({
      entry,
      vsix,
      home,
      settings: { ...quietSettings, 'qungui.locale': 'zh-CN', 'qungui.sampleData': join(workspace, 'data/2026-10') },
    });
    const browser = await chromium.launchPersistentContext(join(home, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs,
      // Wide enough for the text and a band grid of four metrics side by side.
      viewport: { width: 1800, height: 1000 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    try {
      await page.goto(`${session.url}/?folder=${workspace}`);
      await openFileByName(page, scenarioFileName);
      // The explorer away: the text and the form share the width.
      await page.keyboard.press('Control+B');
      // The text on the left, the form on the right: split, then reopen the right one with the visual editor.
      await page.keyboard.press('Control+\\');
      await expect.poll(() => page.locator('.editor-group-container').count()).toBe(2);
      await runFromPalette(page, 'Open in Visual Editor');
      const form: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const cell = form.getByLabel(CELL_LABEL, { exact: true });
      await cell.waitFor({ timeout: 30_000 });
      expect(await cell.inputValue()).toBe('80');
      // The sample-data counts arrive from the language server's run on the example month.
      await expect.poll(() => form.locator('#section-assessment td.sample').first().textContent(), { timeout: 30_000 }).toMatch(/^\d+ 人$/);
      // The grid by keyboard: ↓ moves to the same metric of the next band, Tab to the next metric.
      await cell.focus();
      await cell.press('ArrowDown');
      await expect.poll(() => form.locator(':focus').getAttribute('aria-label')).toBe('第 3 档（合格）的准确率（%）');
      await page.keyboard.press('Tab');
      await expect.poll(() => form.locator(':focus').getAttribute('aria-label')).toBe('第 3 档（合格）的完成度（%）');
      const centre = () => cell.evaluate((e) => e.closest('table')?.scrollIntoView({ block: 'center' }));
      await centre();
      await shot(page, '1-opened');

      // 1. A threshold in the grid: the saved file differs from the original in exactly that number.
      await cell.fill('85');
      await cell.press('Enter');
      await expect.poll(() => page.locator('.tab.dirty').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // Saved from the form (Ctrl+S reaches the workbench through the webview), as from the text.
      await page.keyboard.press('Control+S');
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(original.replace(BAND_LINE, CHANGED_LINE));
      await expect.poll(() => page.locator('.tab.dirty').count(), { timeout: 10_000 }).toBe(0);
      await centre();
      await shot(page, '2-threshold-changed');

      // 2. A value out of range: the engine's Chinese error beside the cell, and in Problems.
      await cell.fill('150');
      await cell.press('Enter');
      // The cell is marked invalid and described by its problems (what a screen reader reads with it).
      await expect.poll(() => cell.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
      const cellProblem = form.locator(`#${await cell.getAttribute('aria-describedby')}`).locator('.problem', { hasText: outOfRange.message['zh-CN'] });
      await cellProblem.waitFor({ timeout: 20_000 });
      await centre();
      await shot(page, '3-error-beside-field');
      // Problems is a workbench view: give the workbench the keyboard first (the text editor on the left).
      await textTab(page).click();
      const problems = await showProblems(page);
      const row = problems.locator('.monaco-tl-row', { hasText: outOfRange.message['zh-CN'] });
      await row.first().waitFor({ timeout: 20_000 });
      await shot(page, '4-problems');

      // 3. Undo from the form: the text is back to the saved threshold, the error gone.
      await form.locator('h2').first().click();
      await page.keyboard.press('Control+Z');
      await expect.poll(() => cell.inputValue(), { timeout: 10_000 }).toBe('85');
      await expect.poll(() => cell.getAttribute('aria-invalid'), { timeout: 20_000 }).toBeNull();
      await expect.poll(() => form.locator('.problem', { hasText: outOfRange.message['zh-CN'] }).count()).toBe(0);
      await textTab(page).click();
      await goTo(page, { line: original.split('\n').indexOf(BAND_LINE), character: 0 });
      await expect.poll(() => renderedLine(page, 'rating: good, min: { accuracy:')).toBe(CHANGED_LINE);
      await expect.poll(() => page.locator('.tab.dirty').count(), { timeout: 10_000 }).toBe(0);
      await shot(page, '5-undone');

      // 4. A term chip: typed into the category's chip box, it is a chip and in the YAML list.
      const termBox = form.getByLabel('添加到“侮辱攻击”的词语', { exact: true });
      await scrollTo(termBox);
      await termBox.fill('垃圾');
      await termBox.press('Enter');
      const chips = form.getByRole('list', { name: '“侮辱攻击”的词语', exact: true });
      await expect.poll(() => chips.locator('.chip').last().textContent(), { timeout: 10_000 }).toContain('垃圾');
      await expect.poll(() => termBox.evaluate((e) => e === document.activeElement)).toBe(true);
      await shot(page, '6-term-chip');
      await page.keyboard.press('Control+S');
      const saved = original.replace(BAND_LINE, CHANGED_LINE).replace(TERMS_LINE, TERMS_ADDED);
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(saved);

      // 5. A misspelled rating id typed in the text: the form shows the error at the band's rating, and its
      //    quick fix as a button, which puts the declared id back.
      const typoLine = saved.split('\n').indexOf(TESTS_GOOD_LINE);
      const typoError = validatePolicy({
        file: scenarioRelativePath,
        text: saved.replace(TESTS_GOOD_LINE, TESTS_GOOD_LINE.replace('good', 'goood')),
      }).diagnostics.find((d) => d.code === 'unknown-id');
      if (!typoError?.fix) throw new Error('the engine no longer offers a fix for a misspelled rating id');
      await textTab(page).click();
      await goTo(page, { line: typoLine, character: TESTS_GOOD_LINE.indexOf('good') });
      for (let i = 0; i < 'good'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('goood');
      await page.keyboard.press('Escape');
      const fixButton = form.locator('.problem', { hasText: typoError.message['zh-CN'] }).getByRole('button', { name: typoError.fix.title['zh-CN'] });
      await fixButton.waitFor({ timeout: 20_000 });
      // The page redraws as the counts and fixes arrive: scroll once it holds still.
      await expect
        .poll(
          () =>
            fixButton.scrollIntoViewIfNeeded({ timeout: 1000 }).then(
              () => true,
              () => false,
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
      await shot(page, '7-quick-fix-button');
      await fixButton.click();
      await expect.poll(() => form.locator('.problem').count(), { timeout: 20_000 }).toBe(0);
      await textTab(page).click();
      await expect.poll(() => renderedLine(page, 'min: 80 }')).toBe(TESTS_GOOD_LINE);

      // 6. A rating id renamed in the ratings table is renamed everywhere it is used (bands, points).
      const idCell = form.getByLabel('“合格”的编号', { exact: true });
      await scrollTo(idCell);
      await idCell.fill('passed');
      await idCell.press('Enter');
      // The bands that named it now name the new id (their rating choice reads it back).
      await expect.poll(() => form.getByLabel('第 3 档的评级', { exact: true }).first().inputValue(), { timeout: 10_000 }).toBe('passed');
      await idCell.press('Control+S');
      const renamed = saved.replace(/\bpass\b/g, 'passed');
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(renamed);
      expect(validatePolicy({ file: scenarioRelativePath, text: renamed }).diagnostics).toEqual([]);
      await shot(page, '8-rating-renamed');

      // 7. A double click on a chip's × in the middle of the list: that one chip goes, not the one that
      //    moved into its place (the button posts once; a second removal from the same form is refused).
      const removeTerm = chips.getByRole('button', { name: '删除“白痴”', exact: true });
      await scrollTo(removeTerm);
      await removeTerm.dblclick();
      await expect.poll(() => chips.locator('.chip').count(), { timeout: 10_000 }).toBe(6);
      await form.locator('h2').first().click();
      await page.keyboard.press('Control+S');
      const trimmed = renamed.replace(TERMS_ADDED, TERMS_ADDED.replace('白痴, ', ''));
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(trimmed);

      // 8. A band moved down with its button: the two lines trade places, the focus follows the band
      //    (its buttons on the new row), and the move back gives the saved text again.
      const testsTable = form.locator('table', { has: form.locator('caption', { hasText: '测试档位表' }) });
      const moveDown = testsTable.getByRole('button', { name: '下移“第 1 档：优秀”', exact: true });
      await scrollTo(moveDown);
      await moveDown.click();
      const swapped = trimmed.replace(
        '      - { rating: excellent, min: 90 }\n      - { rating: good, min: 80 }\n',
        '      - { rating: good, min: 80 }\n      - { rating: excellent, min: 90 }\n',
      );
      if (swapped === trimmed) throw new Error('the example no longer has the tests bands this step moves');
      await expect.poll(() => form.locator(':focus').getAttribute('aria-label'), { timeout: 10_000 }).toBe('下移“第 2 档：优秀”');
      await page.keyboard.press('Control+S');
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(swapped);
      await shot(page, '9-band-moved');
      await testsTable.getByRole('button', { name: '上移“第 2 档：优秀”', exact: true }).click();
      await expect.poll(() => form.locator(':focus').getAttribute('aria-label'), { timeout: 10_000 }).toBe('下移“第 1 档：优秀”');
      await page.keyboard.press('Control+S');
      await expect.poll(onDisk, { timeout: 10_000 }).toBe(trimmed);
    } catch (error) {
      await shot(page, 'failure').catch(() => undefined);
      // The form as it was, for the failure's reader (the webview is not in the screenshot's DOM).
      const html = await page
        .frameLocator('iframe.webview.ready')
        .frameLocator('#active-frame')
        .locator('body')
        .innerHTML({ timeout: 5000 })
        .catch(() => '');
      writeFileSync(join(artifacts, 'visual-editor-failure.html'), html);
      throw error;
    } finally {
      await browser.close();
      session.saveLogs(join(artifacts, 'visual-editor-logs'));
      await session.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
