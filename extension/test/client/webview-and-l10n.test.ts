import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../src/client/webview-csp.js';
import { editorPageHtml } from '../../src/visual-editor/editor-page-html.js';
import { PAGE_TEXTS } from '../../src/visual-editor/page-texts.js';

describe('the regulation preview page', () => {
  it('allows nothing but its own style, by nonce', () => {
    const page = withContentSecurityPolicy('<!doctype html><html><head><style>p{}</style></head><body><p>x</p></body></html>', 'N0nce');
    expect(page).toContain(`<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-N0nce'; img-src data:;">`);
    expect(page).toContain('<style nonce="N0nce">p{}</style>');
  });
});

describe('the visual editor page', () => {
  const page = editorPageHtml({
    nonce: 'N0nce',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/visual-editor.js',
    cspSource: 'https://*.vscode-cdn.net',
    lang: 'zh-CN',
    title: '可视化编辑',
  });
  it('runs only its own script and style, by nonce; loads nothing else', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toBe(
      "default-src 'none'; script-src 'nonce-N0nce'; style-src 'nonce-N0nce'; img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net",
    );
    expect(page).toContain('<script nonce="N0nce" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/visual-editor.js"></script>');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<style nonce="N0nce">');
    // No inline style attributes: the CSP would refuse them.
    expect(page).not.toMatch(/ style="/);
  });
  it('gets a new nonce on every load, the same in the policy and on the script', () => {
    const load = () => editorPageHtml({ scriptUri: 'x.js', cspSource: 'c', lang: 'zh-CN', title: 't' });
    const nonces = [load(), load()].map((html) => {
      const inPolicy = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
      expect(html).toContain(`<script nonce="${inPolicy}"`);
      return inPolicy!;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(Buffer.from(nonces[0]!, 'base64')).toHaveLength(16);
  });
  it('is styled from the theme, not with colours of its own', () => {
    const style = /<style[^>]*>([\s\S]*)<\/style>/.exec(page)![1]!;
    expect(style).toContain('var(--vscode-input-background)');
    expect(style).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });
});

describe('the extension speaks Chinese', () => {
  const client = readdirSync('extension/src/client')
    .map((f) => readFileSync(`extension/src/client/${f}`, 'utf8'))
    .join('\n');
  const keys = [...client.matchAll(/l10n\.t\(\s*(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
  // The visual editor translates its words itself (in the policy's language): `tr('…')` and the page's list.
  const visual = [
    'extension/src/client/visual-editor-provider.ts',
    ...readdirSync('extension/src/visual-editor')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `extension/src/visual-editor/${f}`),
  ]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  // A refused action's reason is an l10n key too (`new RefusedEdit('…')`), shown in the user's language.
  const visualKeys = [...[...visual.matchAll(/\b(?:tr|RefusedEdit)\(\s*(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]!), ...PAGE_TEXTS];
  it.each(['zh-cn', 'zh-tw'])('every word of the visual editor has a %s translation', (lang) => {
    const bundle = JSON.parse(readFileSync(`extension/l10n/bundle.l10n.${lang}.json`, 'utf8'));
    expect(visualKeys.length).toBeGreaterThan(50);
    expect(visualKeys.filter((k) => !(k in bundle))).toEqual([]);
  });
  it.each(['zh-cn', 'zh-tw'])('every UI text of the client has a %s translation', (lang) => {
    const bundle = JSON.parse(readFileSync(`extension/l10n/bundle.l10n.${lang}.json`, 'utf8'));
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !(k in bundle))).toEqual([]);
  });
  it.each(['zh-cn', 'zh-tw'])('every manifest text has a %s translation', (lang) => {
    const manifest = readFileSync('extension/package.json', 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    const nls = JSON.parse(readFileSync(`extension/package.nls.${lang}.json`, 'utf8'));
    expect(used.filter((k) => !(k in nls))).toEqual([]);
  });
});
