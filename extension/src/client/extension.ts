// Extension entry point. Activation is cheap: the language server starts only once a policy
// document is open (or a qungui command runs), so plain YAML users never pay for a Node process.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { declaresQunguiApiVersion, HEAD_CHARS, POLICY_LANGUAGE_ID } from './policy-detection.js';
import { createPolicyLanguageClient } from './language-client.js';
import { publishServerCommandAvailability, registerPolicyCommands } from './server-commands.js';
import { registerVisualEditor } from './visual-editor-provider.js';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

function ensureClientStarted(context: vscode.ExtensionContext): Promise<LanguageClient> {
  starting ??= (async () => {
    const created = createPolicyLanguageClient(context);
    await created.start();
    client = created;
    await publishServerCommandAvailability(created);
    return created;
  })();
  return starting;
}

/** A YAML file that declares `apiVersion: qungui/v1` becomes a policy document (language `qungui`). */
async function claimIfPolicy(doc: vscode.TextDocument): Promise<void> {
  // Only the head is read: this runs on every keystroke in every YAML file.
  const head = () => doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(HEAD_CHARS)));
  if (doc.languageId === 'yaml' && declaresQunguiApiVersion(head())) {
    await vscode.languages.setTextDocumentLanguage(doc, POLICY_LANGUAGE_ID);
  }
}

function onDocument(context: vscode.ExtensionContext, doc: vscode.TextDocument): void {
  if (doc.languageId === POLICY_LANGUAGE_ID) void ensureClientStarted(context);
  else void claimIfPolicy(doc);
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => onDocument(context, doc)),
    // Someone may type the apiVersion line into a fresh YAML file.
    vscode.workspace.onDidChangeTextDocument((e) => void claimIfPolicy(e.document)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The locale is an initialization option: a restart makes every message switch language.
      if (e.affectsConfiguration('qungui.locale') && client) {
        await client.restart();
        await publishServerCommandAvailability(client);
      }
    }),
    ...registerPolicyCommands(() => ensureClientStarted(context)),
    ...registerVisualEditor(context, () => ensureClientStarted(context)),
  );
  for (const doc of vscode.workspace.textDocuments) onDocument(context, doc);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
