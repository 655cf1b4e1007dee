// The .vsix holds only what runs (issue 6): the two bundles, the schema, translations, README, icon,
// LICENSE, plus the manifest and the language configuration and grammar it points to. `vsce ls`
// applies .vscodeignore exactly as `npm run package` does, without writing a package.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const extensionDir = fileURLToPath(new URL('../../', import.meta.url));

// Packs the .vsix with vsce.
describe('the packaged extension', { timeout: 60_000 }, () => {
  it('lists exactly the runtime files (needs `npm run build` first)', () => {
    const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: extensionDir, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    expect(listed).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/client.js',
      'dist/policy.schema.json',
      'dist/sample-worker.js',
      'dist/server.js',
      'dist/visual-editor.js',
      'icon.png',
      'l10n/bundle.l10n.zh-cn.json',
      'l10n/bundle.l10n.zh-tw.json',
      'language-configuration.json',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'package.nls.zh-tw.json',
      'syntaxes/qungui.tmLanguage.json',
    ]);
  });
});
