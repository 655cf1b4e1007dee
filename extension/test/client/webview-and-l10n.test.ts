import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../src/client/webview-csp.js';

describe('the regulation preview page', () => {
  it('allows nothing but its own style, by nonce', () => {
    const page = withContentSecurityPolicy('<!doctype html><html><head><style>p{}</style></head><body><p>x</p></body></html>', 'N0nce');
    expect(page).toContain(`<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-N0nce'; img-src data:;">`);
    expect(page).toContain('<style nonce="N0nce">p{}</style>');
  });
});

describe('the extension speaks Chinese', () => {
  const client = readdirSync('extension/src/client')
    .map((f) => readFileSync(`extension/src/client/${f}`, 'utf8'))
    .join('\n');
  const keys = [...client.matchAll(/l10n\.t\(\s*(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
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
