// "新建群规…": the questions `qungui init` asks, as quick picks — the group kind, its name, where to
// save — then the server's template (the same as the CLI's, valid and commented) opened in the editor.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

const KINDS = [
  { kind: 'new-employee', label: () => vscode.l10n.t('New-employee training') },
  { kind: 'skill', label: () => vscode.l10n.t('Skills training') },
  { kind: 'management', label: () => vscode.l10n.t('Management training') },
] as const;

export async function newPolicy(client: LanguageClient): Promise<void> {
  const items: (vscode.QuickPickItem & { groupKind: string })[] = KINDS.map((k) => ({ label: k.label(), groupKind: k.kind }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New policy'), placeHolder: vscode.l10n.t('The kind of training group') });
  if (!picked) return;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New policy'),
    prompt: vscode.l10n.t('The group’s name, as members know it'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Give the group a name')),
  });
  if (!name?.trim()) return;
  const template = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: 'qungui.server.newPolicy',
    arguments: [picked.groupKind, name.trim()],
  })) as {
    id: string;
    text: string;
  };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the new policy'),
    filters: { qungui: ['qungui.yaml'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${template.id}.qungui.yaml`) } : {}),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(template.text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
}
