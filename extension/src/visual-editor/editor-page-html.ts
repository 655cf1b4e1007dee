// The visual editor's HTML shell: a strict Content-Security-Policy (nothing loads but the page's own
// script and style, both by a per-load nonce), the theme's colours through VS Code's CSS variables.
// Pure, so the policy is unit-tested.

export interface EditorPageOptions {
  /** Given only by tests; a page load gets a fresh one (newNonce). */
  nonce?: string;
  /** The webview URI of dist/visual-editor.js. */
  scriptUri: string;
  /** webview.cspSource: what the webview may load from the extension (the script). */
  cspSource: string;
  lang: string;
  title: string;
}

/** A nonce for one page load: 128 random bits, base64, so no other script can guess its way in. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function editorPageHtml(options: EditorPageOptions): string {
  const nonce = options.nonce ?? newNonce();
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `<!doctype html>
<html lang="${escapeAttribute(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(options.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.25rem 3rem; line-height: 1.5; }
nav { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem 0; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border); }
nav a { color: var(--vscode-textLink-foreground); text-decoration: none; }
nav a:hover { text-decoration: underline; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
h2 { font-size: 1.15em; font-weight: 600; margin: 1.75rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--vscode-panel-border); }
.fields { display: flex; flex-direction: column; gap: .6rem; }
.field { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; align-items: start; gap: .25rem 1rem; }
.field > .problems { grid-column: 2; }
.field-table, .field-chips, .field-choices { display: block; }
.field-table { overflow-x: auto; }
tr.row-problems td { border-bottom: 1px solid var(--vscode-panel-border); padding-top: 0; }
tr:has(+ tr.row-problems) td, tr:has(+ tr.row-detail) td { border-bottom: none; }
tr.row-detail .field { grid-template-columns: minmax(8rem, 12rem) 1fr; }
fieldset { border: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .25rem 1rem; }
legend { float: left; padding: 0; }
input[type="text"], select, textarea { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); border-radius: 2px; padding: 2px 6px; min-width: 4rem; max-width: 28rem; }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border-color: var(--vscode-dropdown-border, transparent); }
input[type="checkbox"] { accent-color: var(--vscode-button-background); width: 1rem; height: 1rem; }
textarea { width: 100%; max-width: 40rem; box-sizing: border-box; }
input[readonly], textarea[readonly] { opacity: .8; }
.read-only { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.read-only .note { color: var(--vscode-descriptionForeground); font-size: .9em; }
.with-unit { display: inline-flex; align-items: center; gap: .35rem; }
.unit { color: var(--vscode-descriptionForeground); }
td .with-unit input { width: 4.5rem; }
td > input[type="text"] { width: 100%; min-width: 5rem; box-sizing: border-box; }
.field-table table { width: 100%; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 1px 8px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button.add, button.fix { color: var(--vscode-button-foreground); background: var(--vscode-button-background); margin-top: .4rem; }
button.add:hover, button.fix:hover { background: var(--vscode-button-hoverBackground); }
button.fix { margin: 0 0 0 .5rem; }
td.row-actions { white-space: nowrap; }
td.row-actions button + button { margin-left: .2rem; }
button.move { padding: 1px 5px; }
.chips { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem; }
.chip-list { display: contents; list-style: none; }
.chip { display: inline-flex; align-items: center; gap: .2rem; padding: 0 .15rem 0 .5rem; border-radius: 9px; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); }
.chip.has-problem { outline: 1px solid var(--vscode-inputValidation-errorBorder); }
.chip-remove { color: inherit; background: transparent; border: none; padding: 0 .3rem; }
.chip-input { width: 8rem; }
.choices { display: flex; flex-wrap: wrap; gap: .3rem 1.25rem; }
.choice { display: inline-flex; align-items: center; gap: .35rem; }
table { border-collapse: collapse; margin-top: .25rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--vscode-panel-border); }
th { font-weight: normal; color: var(--vscode-descriptionForeground); white-space: nowrap; }
tr.catch-all td { background: var(--vscode-editorWidget-background); }
.catch-all-mark { color: var(--vscode-descriptionForeground); font-style: italic; }
td.sample { color: var(--vscode-descriptionForeground); white-space: nowrap; }
.problems { list-style: none; margin: .2rem 0 0; padding: 0; }
.problem { padding-left: .5rem; border-left: 2px solid var(--vscode-editorError-foreground); color: var(--vscode-errorForeground); }
.problem.warning { border-color: var(--vscode-editorWarning-foreground); color: var(--vscode-editorWarning-foreground); }
.problem.info { border-color: var(--vscode-editorInfo-foreground); color: var(--vscode-foreground); }
[aria-invalid="true"] { border-color: var(--vscode-inputValidation-errorBorder) !important; }
.badge { margin-left: .3rem; padding: 0 .4rem; border-radius: 8px; font-size: .85em; color: var(--vscode-statusBarItem-errorForeground); background: var(--vscode-statusBarItem-errorBackground); }
section, .field, tr { scroll-margin-top: 3rem; }
.unplaced { margin-top: 1rem; }
.unreadable { color: var(--vscode-errorForeground); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
