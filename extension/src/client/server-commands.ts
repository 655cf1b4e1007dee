// The palette commands. Validate, render and evaluate run inside the language server (it holds the engine), through
// `workspace/executeCommand`. A command is offered only when the server advertises it, so
// "Render regulation document" and "Evaluate on sample data" appear exactly when the engine
// can do them, never as a stub.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { newPolicy } from './new-policy.js';
import { showPreview } from './regulation-preview.js';
import { showSampleResults } from './sample-results-view.js';

/** Server-side command ids (what the server lists in `executeCommandProvider.commands`). */
export const SERVER_COMMANDS = {
  validateWorkspace: 'qungui.server.validateWorkspace',
  renderDocument: 'qungui.server.renderDocument',
  evaluateSampleData: 'qungui.server.evaluateSampleData',
} as const;

/** Palette command ids (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  validateWorkspace: 'qungui.validateWorkspace',
  renderDocument: 'qungui.renderDocument',
  evaluateSampleData: 'qungui.evaluateSampleData',
} as const;

type CommandKey = keyof typeof SERVER_COMMANDS;

/** Result of `qungui.server.validateWorkspace`; the diagnostics themselves arrive as usual. */
export interface WorkspaceValidationSummary {
  files: number;
  errors: number;
  warnings: number;
}

/** Result of render and evaluate: a document to show the user. */
export interface ServerDocument {
  language: string;
  content: string;
}

/** Sets `qungui.can.<key>` context keys from what the server advertises (used by `when` clauses). */
export async function publishServerCommandAvailability(client: LanguageClient): Promise<void> {
  const advertised = new Set(client.initializeResult?.capabilities.executeCommandProvider?.commands ?? []);
  for (const key of Object.keys(SERVER_COMMANDS) as CommandKey[]) {
    await vscode.commands.executeCommand('setContext', `qungui.can.${key}`, advertised.has(SERVER_COMMANDS[key]));
  }
}

function serverOffers(client: LanguageClient, key: CommandKey): boolean {
  return client.initializeResult?.capabilities.executeCommandProvider?.commands.includes(SERVER_COMMANDS[key]) ?? false;
}

async function runOnServer<T>(client: LanguageClient, key: CommandKey, args: unknown[]): Promise<T | undefined> {
  if (!serverOffers(client, key)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This qungui version cannot do that yet.'));
    return undefined;
  }
  return (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS[key], arguments: args })) as T;
}

function activePolicyUri(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'qungui') return editor.document.uri.toString();
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a qungui policy file first.'));
  return undefined;
}

/** `qungui.sampleData` may be relative to the first workspace folder. */
function sampleDataFolder(): string | undefined {
  const setting = vscode.workspace.getConfiguration('qungui').get<string>('sampleData')?.trim();
  if (!setting) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Set "qungui.sampleData" to a monthly bundle folder first.'));
    return undefined;
  }
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting) || !base) return setting;
  return vscode.Uri.joinPath(base, setting).fsPath;
}

export function registerPolicyCommands(getClient: () => Promise<LanguageClient>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CLIENT_COMMANDS.validateWorkspace, async () => {
      const summary = await runOnServer<WorkspaceValidationSummary>(await getClient(), 'validateWorkspace', []);
      if (!summary) return;
      const text = vscode.l10n.t('Checked {0} policies: {1} errors, {2} warnings.', summary.files, summary.errors, summary.warnings);
      if (summary.errors + summary.warnings > 0) {
        const open = vscode.l10n.t('Show Problems');
        if ((await vscode.window.showWarningMessage(text, open)) === open) await vscode.commands.executeCommand('workbench.actions.view.problems');
      } else {
        void vscode.window.showInformationMessage(text);
      }
    }),
    vscode.commands.registerCommand(CLIENT_COMMANDS.renderDocument, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!activePolicyUri() || !editor) return;
      const client = await getClient();
      if (!serverOffers(client, 'renderDocument')) return void vscode.window.showWarningMessage(vscode.l10n.t('This qungui version cannot do that yet.'));
      await showPreview(client, editor.document);
    }),
    vscode.commands.registerCommand('qungui.newPolicy', async () => newPolicy(await getClient())),
    vscode.commands.registerCommand('qungui.restartServer', async () => {
      const client = await getClient();
      await client.restart();
      await publishServerCommandAvailability(client);
    }),
    vscode.commands.registerCommand('qungui.showOutput', async () => (await getClient()).outputChannel.show(true)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.evaluateSampleData, async () => {
      const editor = vscode.window.activeTextEditor;
      const data = activePolicyUri() && sampleDataFolder();
      if (!editor || !data) return;
      const client = await getClient();
      if (!serverOffers(client, 'evaluateSampleData')) return void vscode.window.showWarningMessage(vscode.l10n.t('This qungui version cannot do that yet.'));
      await showSampleResults(client, editor.document, data);
    }),
  ];
}
