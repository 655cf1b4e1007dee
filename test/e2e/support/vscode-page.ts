// Drives the VS Code workbench in Chromium the way a person does: keyboard shortcuts, Quick Open,
// Go to Line, the quick-fix menu, the suggest widget. Selectors are the ones measured on Code 1.100
// (../shared/notes/real-editor-tests.md).
import type { Locator, Page } from 'playwright-core';
import type { TextPosition } from './scenario.js';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openFileByName(page: Page, fileName: string): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await typeIntoQuickInput(page, 'Control+P', fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor();
  await editorLines(page).waitFor();
}

export function editorLines(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/**
 * Opens the quick input with `key` and types `text` into it. A webview that takes the focus as it
 * redraws (the visual editor, a preview) closes the quick input again, sometimes between its opening
 * and the typing, more often on a loaded machine: then it is opened again.
 */
async function typeIntoQuickInput(page: Page, key: string, text: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(text, { timeout: 5_000 });
      if (await input.isVisible()) return input;
    } catch (error) {
      if (attempt === 4) throw error;
    }
    if (attempt === 4) throw new Error(`the quick input closed again after ${key} four times`);
  }
}

/** Puts the cursor at a 0-based position through Go to Line/Column (which counts from 1). */
export async function goTo(page: Page, at: TextPosition): Promise<void> {
  const input = await typeIntoQuickInput(page, 'Control+G', `:${at.line + 1}:${at.character + 1}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The text of the rendered editor line that contains `fragment` (Monaco renders spaces as NBSP). */
export async function renderedLine(page: Page, fragment: string): Promise<string | undefined> {
  const texts = await editorLines(page).locator('.view-line').allTextContents();
  return texts.map((t) => t.replace(/\u00a0/g, ' ')).find((t) => t.includes(fragment));
}

export function errorSquiggles(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .squiggly-error');
}

export async function showProblems(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  return panel;
}

/** Opens the quick-fix menu at the cursor and takes the action with this title (by keyboard: a
 * pointer-blocking overlay covers the menu while it is open). */
export async function takeQuickFix(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.filter({ hasText: title }).first().waitFor();
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    if ((await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label')) === title) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}

/** Triggers suggestions (Ctrl+Space) and returns the row labelled `label` once it shows. */
export async function suggestionRow(page: Page, label: string): Promise<Locator> {
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  return row;
}

/** Runs a command from the Command Palette by its title, as a user would. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await typeIntoQuickInput(page, 'F1', `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
}
