// "用可视化编辑器打开": a custom text editor on the policy's own TextDocument. The form is computed from
// the text (visual-editor/policy-form.ts) and every input becomes a WorkspaceEdit of the few characters
// it changes (visual-editor/policy-edits.ts), so the text stays the one source of truth and undo, redo,
// save and the dirty dot are VS Code's own. Diagnostics and quick fixes are the language server's,
// read back through VS Code's APIs and shown beside the field they point at.
import * as vscode from 'vscode';
import { isScalar } from 'yaml';
import { ExecuteCommandRequest, type LanguageClient, State } from 'vscode-languageclient/node';
import { editorPageHtml } from '../visual-editor/editor-page-html.js';
import { ActionQueue, type FormStamp, sameForm } from '../visual-editor/action-queue.js';
import type { FormAction } from '../visual-editor/form-actions.js';
import type { Problem } from '../visual-editor/form-model.js';
import { placeDiagnostics } from '../visual-editor/diagnostic-placement.js';
import { PAGE_TEXTS } from '../visual-editor/page-texts.js';
import { EMPTY_CATALOGUE, type PolicyCatalogue } from '../visual-editor/policy-catalogue.js';
import { policyEdits } from '../visual-editor/policy-edits.js';
import { policyForm, type SampleCountsView, unreadableMessage } from '../visual-editor/policy-form.js';
import { RefusedEdit } from '../visual-editor/refused-edit.js';
import { nodeAt, type Path } from '../visual-editor/yaml-surgery.js';
import type { PolicyLocale } from './locale.js';
import { policyLocale, type Translate, translationsFor, translator } from './visual-editor-texts.js';

export const VISUAL_EDITOR_VIEW_TYPE = 'qungui.visualEditor';

/** Quick fixes are asked for (one request each) for this many diagnostics per redraw; the rest show without buttons. */
const MAX_DIAGNOSTICS_WITH_FIXES = 100;

/** `version` is the document version the page's form was drawn from; a fix also names the draw its list came with. */
type PageMessage =
  | { type: 'ready' }
  | { type: 'edit'; action: FormAction; version: number }
  | { type: 'fix'; diagnostic: number; fix: number; version: number; draw: number };

interface Fixable {
  problem: Problem;
  offset: number;
  actions: vscode.CodeAction[];
}

export class PolicyVisualEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => Promise<LanguageClient>,
  ) {}

  async resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): Promise<void> {
    const { webview } = panel;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    webview.options = { enableScripts: true, localResourceRoots: [dist] };
    let locale = policyLocale();
    let { tr, texts } = this.wordsOf(locale);
    // The page's <html lang> and <title> follow `qungui.locale` with the form (sent with each form).
    const titleOf = () => tr('Visual editor: {0}', vscode.workspace.asRelativePath(document.uri));
    webview.html = editorPageHtml({
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'visual-editor.js')).toString(),
      cspSource: webview.cspSource,
      lang: locale,
      title: titleOf(),
    });

    const uri = document.uri.toString();
    /** Set once the language server runs and has sent its catalogue; until then nothing is drawn. */
    let server: { client: LanguageClient; catalogue: PolicyCatalogue } | undefined;
    /** The sample counts with the text they were computed on: shown only with that text (a band added since would shift them). */
    let sample: { text: string; counts: SampleCountsView } | undefined;
    /** The form last posted: its number, and the quick fixes its buttons index into. */
    let drawn: { draw: number; fixables: Fixable[] } = { draw: 0, fixables: [] };
    let draws = 0;
    let ready = false;
    let pending: NodeJS.Timeout | undefined;
    let pendingSample: NodeJS.Timeout | undefined;
    // One action at a time, edits and fixes in one queue, each only on the text its form was drawn from
    // (visual-editor/action-queue.ts): by document version, and a fix also by the draw its list came
    // with, since diagnostics change without the text. Every action, taken or refused, is followed by a
    // redraw: an input the text did not take shows the text's value again.
    const actions = new ActionQueue<FormStamp>(
      () => ({ version: document.version, draw: drawn.draw }),
      () => this.refuse(new RefusedEdit('The form was out of date and is shown again from the text: make the change again.'), tr),
      (error) => this.refuse(error, tr),
      sameForm,
    );

    const catalogueOf = async (client: LanguageClient) =>
      ((await client.sendRequest(ExecuteCommandRequest.type, { command: 'qungui.server.policyCatalogue', arguments: [] }).catch(() => undefined)) ??
        EMPTY_CATALOGUE) as PolicyCatalogue;

    const refreshSample = async () => {
      if (!server || !vscode.workspace.getConfiguration('qungui', document.uri).get<string>('sampleData')?.trim()) return;
      // The client sends the document's changes before a request: the server counts on this text.
      const text = document.getText();
      const counts = (await server.client
        .sendRequest(ExecuteCommandRequest.type, { command: 'qungui.server.sampleCounts', arguments: [uri] })
        .catch(() => null)) as SampleCountsView | null;
      sample = counts ? { text, counts } : undefined;
      schedule();
    };

    const send = async () => {
      if (!ready || !server) return;
      const text = document.getText();
      const version = document.version;
      const form = policyForm(text, server.catalogue, tr, sample?.text === text ? sample.counts : undefined);
      const fixables = await this.fixablesOf(document);
      if (form.unreadable !== undefined && form.unreadableAt !== undefined) {
        const said = unreadableMessage(
          tr,
          form.unreadableAt,
          fixables.map((f) => ({ offset: f.offset, message: f.problem.message, severity: f.problem.severity })),
        );
        if (said) form.unreadable = said;
      }
      const { byAnchor, unplaced } = placeDiagnostics(
        form.spans,
        fixables.map((f) => ({ ...f.problem, offset: f.offset })),
      );
      const strip = (list: (Problem & { offset: number })[]): Problem[] => list.map(({ offset: _, ...problem }) => problem);
      const problems = Object.fromEntries(Object.entries(byAnchor).map(([anchor, list]) => [anchor, strip(list)]));
      // The text may have moved on while the fixes were asked for: only the latest text is drawn, and
      // only a drawn form's fixes are what its buttons index into.
      if (document.version !== version) return;
      drawn = { draw: ++draws, fixables };
      void webview.postMessage({ type: 'form', form, problems, unplaced: strip(unplaced), texts, version, draw: drawn.draw, lang: locale, title: titleOf() });
    };
    // Typing in the text editor beside, or diagnostics arriving right after: one redraw per burst.
    function schedule(): void {
      clearTimeout(pending);
      pending = setTimeout(() => void send(), 50);
    }

    // Listening starts at once: the page may say it is ready before the language server runs.
    const subscriptions: vscode.Disposable[] = [
      webview.onDidReceiveMessage((message: PageMessage) => {
        if (message.type === 'ready') {
          ready = true;
          schedule();
          void refreshSample();
        } else if (message.type === 'edit') {
          const action = message.action;
          void actions.run({ version: message.version }, () => this.apply(document, action, tr), schedule);
        } else if (message.type === 'fix') {
          const { diagnostic, fix } = message;
          void actions.run({ version: message.version, draw: message.draw }, () => this.fix(drawn.fixables[diagnostic]?.actions[fix]), schedule);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== uri || !e.contentChanges.length) return;
        schedule();
        // The counts follow the edits, as the code lenses do (the server runs one month per text and
        // reuses the run the lenses asked for); a beat behind, so typing does not start a run per key.
        clearTimeout(pendingSample);
        pendingSample = setTimeout(() => void refreshSample(), 400);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri)) schedule();
      }),
      // `qungui.locale` changed: the page's words at once; the catalogue once the server is back in the
      // new language (the extension restarts it for that).
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('qungui.locale')) return;
        locale = policyLocale();
        ({ tr, texts } = this.wordsOf(locale));
        schedule();
      }),
    ];
    let disposed = false;
    panel.onDidDispose(() => {
      disposed = true;
      clearTimeout(pending);
      clearTimeout(pendingSample);
      for (const s of subscriptions) s.dispose();
    });

    const client = await this.client();
    const catalogue = await catalogueOf(client);
    if (disposed) return;
    server = { client, catalogue };
    subscriptions.push(
      client.onDidChangeState((e) => {
        if (e.newState !== State.Running) return;
        void catalogueOf(client).then((catalogue) => {
          server = { client, catalogue };
          schedule();
        });
      }),
    );
    schedule();
    void refreshSample();
  }

  /** The page's words in a language: a translator for the form, the templates the page fills itself. */
  private wordsOf(locale: PolicyLocale): { tr: Translate; texts: Record<string, string> } {
    const translations = translationsFor(this.extensionUri, locale);
    return { tr: translator(translations), texts: Object.fromEntries(PAGE_TEXTS.map((key) => [key, translations[key] ?? key])) };
  }

  /** One form action → one WorkspaceEdit: one undo step, the document dirty until saved. */
  private async apply(document: vscode.TextDocument, action: FormAction, tr: Translate): Promise<void> {
    if (action.kind === 'renameId' && action.text.trim()) return this.rename(document, action.path, action.text.trim(), tr);
    const edits = policyEdits(document.getText(), action);
    if (!edits.length) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    await vscode.workspace.applyEdit(edit);
  }

  /**
   * An action that cannot be written: say why in the user's language, change nothing. A reason the
   * form knows is an l10n key; anything else (a bug) gets one localized sentence, not its English text.
   */
  private refuse(error: unknown, tr: Translate): void {
    const message = error instanceof RefusedEdit ? tr(error.key, ...error.args) : tr('The form cannot make this change: edit it in the text.');
    void vscode.window.showWarningMessage(message);
  }

  /** An id renamed with the language server's rename: the declaration and every reference in one edit. */
  private async rename(document: vscode.TextDocument, path: Path, name: string, tr: Translate): Promise<void> {
    const node = nodeAt(document.getText(), path);
    if (!node?.range) return this.apply(document, { kind: 'setText', path, text: name }, tr);
    if (isScalar(node) && node.value === name) return;
    const version = document.version;
    try {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        document.positionAt(node.range[0]),
        name,
      );
      // The rename's ranges are of the text it was asked on: a text changed meanwhile is not edited with them.
      if (edit && document.version === version) await vscode.workspace.applyEdit(edit);
    } catch (error) {
      // The server refuses a name that is already declared, and says why in the policy's language.
      if (error instanceof Error && error.message) void vscode.window.showWarningMessage(error.message);
      else this.refuse(error, tr);
    }
  }

  private async fix(action: vscode.CodeAction | undefined): Promise<void> {
    if (!action) return;
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }

  /**
   * The document's diagnostics with the quick fixes offered for each. VS Code's command hands code
   * actions back without the diagnostics they fix, so a fix asked for at a diagnostic's range is
   * attributed to it — once: where diagnostics overlap, the first of them shows the button.
   */
  private async fixablesOf(document: vscode.TextDocument): Promise<Fixable[]> {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    const offered = await Promise.all(
      // A file broken all over gets its fixes asked for only where a person starts reading.
      diagnostics
        .slice(0, MAX_DIAGNOSTICS_WITH_FIXES)
        .map(
          async (diagnostic) =>
            (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
              'vscode.executeCodeActionProvider',
              document.uri,
              diagnostic.range,
              vscode.CodeActionKind.QuickFix.value,
            )) ?? [],
        ),
    );
    const shown: { range: vscode.Range; title: string }[] = [];
    return diagnostics.map((diagnostic, id): Fixable => {
      const actions = (offered[id] ?? []).filter((a): a is vscode.CodeAction => {
        if (typeof a.command === 'string') return false;
        const action = a as vscode.CodeAction;
        if (action.diagnostics?.length && !fixesDiagnostic(action, diagnostic)) return false;
        if (shown.some((s) => s.title === action.title && s.range.intersection(diagnostic.range))) return false;
        shown.push({ range: diagnostic.range, title: action.title });
        return true;
      });
      return {
        offset: document.offsetAt(diagnostic.range.start),
        actions,
        problem: { id, message: diagnostic.message, severity: severityOf(diagnostic.severity), fixes: actions.map((a, index) => ({ title: a.title, index })) },
      };
    });
  }
}

function fixesDiagnostic(action: vscode.CodeAction, diagnostic: vscode.Diagnostic): boolean {
  return action.diagnostics!.some((d) => d.message === diagnostic.message && d.range.isEqual(diagnostic.range));
}

function severityOf(severity: vscode.DiagnosticSeverity): Problem['severity'] {
  if (severity === vscode.DiagnosticSeverity.Error) return 'error';
  return severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** The commands that switch between the text and the form of the policy in the active editor. */
export function registerVisualEditor(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): vscode.Disposable[] {
  const provider = new PolicyVisualEditorProvider(context.extensionUri, client);
  const activeUri = (): vscode.Uri | undefined => vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
  return [
    vscode.window.registerCustomEditorProvider(VISUAL_EDITOR_VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('qungui.openVisualEditor', (uri?: vscode.Uri) => {
      const target = uri ?? activeUri();
      if (target) return vscode.commands.executeCommand('vscode.openWith', target, VISUAL_EDITOR_VIEW_TYPE);
    }),
    vscode.commands.registerCommand('qungui.openTextEditor', (uri?: vscode.Uri) => {
      const target = uri ?? activeTabUri();
      if (target) return vscode.commands.executeCommand('vscode.openWith', target, 'default');
    }),
  ];
}

function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
}
