// "生成群规文档" as a live preview beside the editor, like Markdown's: the regulation rendered as HTML by
// the server (the same as `qungui render --format html`), updated as the policy changes. The webview
// runs no script and loads nothing: its Content-Security-Policy allows only the page's own style.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { textPage, withContentSecurityPolicy } from './webview-csp.js';

interface Rendered {
  language: string;
  content: string;
}

const previews = new Map<string, vscode.WebviewPanel>();

async function render(client: LanguageClient, uri: string): Promise<string> {
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: 'qungui.server.renderDocument', arguments: [uri, 'html'] })) as Rendered;
  const nonce = randomBytes(16).toString('base64');
  if (result.language === 'html') return withContentSecurityPolicy(result.content, nonce);
  // The policy has errors: say so in the page instead of rendering it.
  return withContentSecurityPolicy(textPage(result.content), nonce);
}

export async function showPreview(client: LanguageClient, document: vscode.TextDocument): Promise<void> {
  const uri = document.uri.toString();
  let panel = previews.get(uri);
  if (panel) {
    panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    panel = vscode.window.createWebviewPanel(
      'qungui.regulationPreview',
      vscode.l10n.t('Regulation: {0}', vscode.workspace.asRelativePath(document.uri)),
      {
        viewColumn: vscode.ViewColumn.Beside,
        preserveFocus: true,
      },
      { enableScripts: false, localResourceRoots: [] },
    );
    previews.set(uri, panel);
    const created = panel;
    let pending: NodeJS.Timeout | undefined;
    const changes = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri) return;
      clearTimeout(pending);
      // As Markdown's preview does: follow the typing, a beat behind it.
      pending = setTimeout(() => void render(client, uri).then((html) => (created.webview.html = html)), 300);
    });
    panel.onDidDispose(() => {
      changes.dispose();
      clearTimeout(pending);
      previews.delete(uri);
    });
  }
  panel.webview.html = await render(client, uri);
}
