// The visual editor speaks the language of the diagnostics beside its fields (`qungui.locale`, auto
// following VS Code's display language), not only VS Code's: a form half in English and half in
// Chinese would be hard to read. Its words are l10n keys translated from the extension's own bundles.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { type PolicyLocale, resolvePolicyLocale } from './locale.js';

export type Translate = (key: string, ...args: (string | number)[]) => string;

export function policyLocale(): PolicyLocale {
  return resolvePolicyLocale(vscode.workspace.getConfiguration('qungui').get<string>('locale'), vscode.env.language);
}

/** The translations of one language (key → template); English is the keys themselves. */
export function translationsFor(extensionUri: vscode.Uri, locale: PolicyLocale): Record<string, string> {
  return locale === 'en' ? {} : readBundle(vscode.Uri.joinPath(extensionUri, 'l10n', `bundle.l10n.${locale.toLowerCase()}.json`));
}

export function translator(translations: Record<string, string>): Translate {
  return (key, ...args) => (translations[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

function readBundle(uri: vscode.Uri): Record<string, string> {
  try {
    return JSON.parse(readFileSync(uri.fsPath, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
