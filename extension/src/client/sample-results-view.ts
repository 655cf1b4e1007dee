// "在样例数据上评估" as a view beside the editor: the server's results page (members per band, matching
// messages per category), shown in a webview that runs no script, refreshed each time the policy is saved.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { textPage, withContentSecurityPolicy } from './webview-csp.js';

const views = new Map<string, vscode.WebviewPanel>();

async function page(client: LanguageClient, uri: string, data: string): Promise<string> {
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: 'qungui.server.evaluateSampleData', arguments: [uri, data] })) as {
    language: string;
    content: string;
  };
  const html = result.language === 'html' ? result.content : textPage(result.content);
  return withContentSecurityPolicy(html, randomBytes(16).toString('base64'));
}

export async function showSampleResults(client: LanguageClient, document: vscode.TextDocument, data: string): Promise<void> {
  const uri = document.uri.toString();
  let panel = views.get(uri);
  if (panel) panel.reveal(vscode.ViewColumn.Beside, true);
  else {
    panel = vscode.window.createWebviewPanel(
      'qungui.sampleResults',
      vscode.l10n.t('Sample data: {0}', vscode.workspace.asRelativePath(document.uri)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, localResourceRoots: [] },
    );
    views.set(uri, panel);
    const created = panel;
    const saves = vscode.workspace.onDidSaveTextDocument((saved) => {
      if (saved.uri.toString() === uri) void page(client, uri, data).then((html) => (created.webview.html = html));
    });
    panel.onDidDispose(() => {
      saves.dispose();
      views.delete(uri);
    });
  }
  panel.webview.html = await page(client, uri, data);
}
