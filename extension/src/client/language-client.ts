// Starts the bundled language server (dist/server.js) as a Node child over IPC and connects it to
// the documents the policy detector has claimed. The server owns all policy knowledge; this file
// only decides which documents it sees and in which language it should speak.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { POLICY_LANGUAGE_ID } from './policy-detection.js';
import { resolvePolicyLocale, type PolicyLocale } from './locale.js';

/** Sent as `initializationOptions`; the server reads `locale` for every message it writes. */
export interface QunguiInitializationOptions {
  locale: PolicyLocale;
  /** VS Code's display language, for texts the server may localize beyond zh-CN/en later. */
  displayLanguage: string;
}

export function currentInitializationOptions(): QunguiInitializationOptions {
  const setting = vscode.workspace.getConfiguration('qungui').get<string>('locale');
  return { locale: resolvePolicyLocale(setting, vscode.env.language), displayLanguage: vscode.env.language };
}

export function createPolicyLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: POLICY_LANGUAGE_ID }],
    diagnosticCollectionName: 'qungui',
    // A function, so that a restart after a `qungui.locale` change sends the new locale.
    initializationOptions: currentInitializationOptions,
    synchronize: {
      // qungui.sampleData drives the code lenses; the server re-reads it on change.
      configurationSection: 'qungui',
      // Cross-file checks (one chat room governed by two policies) need unopened policies too.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
  };
  return new LanguageClient('qungui', vscode.l10n.t('qungui Policy Language Server'), serverOptions, clientOptions);
}
