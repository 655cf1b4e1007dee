// The qungui language server: a thin shell wiring LSP messages to the services (one file per feature)
// and to the engine's validatePolicy + cross-file checks (what validatePolicies composes, cached per
// file text in services/validation-cache.ts) — no validation logic of its own. Runs over IPC (VS Code) or
// stdio (`node dist/server.js --stdio`, for Neovim and other editors).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import {
  createConnection,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkPolicyTestFile,
  defaultPolicyId,
  isPolicyTestText,
  isPolicyText,
  localeFromEnvironment,
  policyTemplate,
  type GroupKind,
  localeOfTag,
  renderRegulation,
  validatePolicies,
  type ValidatedPolicy,
} from './engine.js';
import { ValidationCache } from './services/validation-cache.js';
import { codeActions } from './services/code-actions.js';
import { codeLenses, evaluateSample, sampleMonth } from './services/code-lens.js';
import { SampleRunner } from './sample/sample-runner.js';
import { guardedStdinReader } from './stdio-guard.js';
import { complete } from './services/completion.js';
import { toLspDiagnostic, type Locale } from './services/convert.js';
import { hover } from './services/hover.js';
import { definition } from './services/definition.js';
import { foldingRanges } from './services/folding.js';
import { references } from './services/references.js';
import { prepareRename, rename } from './services/rename.js';
import { documentSymbols } from './services/symbols.js';
import { say } from './engine.js';
import { ValidationScheduler } from './validation-scheduler.js';
import { sampleResultsPage } from './services/sample-results.js';
import { policyCatalogue } from './services/policy-catalogue.js';
import { sampleCountsView } from './services/sample-counts-view.js';

const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, guardedStdinReader(), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all); // VS Code: Node IPC, whose messages are framed by Node itself
const documents = new TextDocuments(TextDocument);
const validated = new Map<string, ValidatedPolicy>();
const cache = new ValidationCache();
/** The language the client asked for at start (initializationOptions.locale, else the client's UI locale). */
let clientLocale: Locale = 'en';
/** The `qungui.locale` setting, when it names a language rather than `auto`: it wins over the client's. */
let settingLocale: Locale | undefined;
let locale: Locale = 'en';
/** qungui.sampleData: a bundle folder the code lenses evaluate the policy on. */
let sampleData: string | undefined;
/** Above this many lines, cross-file checks and outline step down (one notice), typing stays fast. */
const LARGE_LINES = 20_000;
const warnedLarge = new Set<string>();
/** The longest validation waits while the user types faster than it runs (see validation-scheduler.ts). */
const MAX_WAIT_MS = Number(process.env.QUNGUI_LSP_DEBOUNCE_MS ?? 150);
/** How long a sample-data month may take before its worker is stopped (the lens then says so). */
const SAMPLE_BUDGET_MS = Number(process.env.QUNGUI_SAMPLE_BUDGET_MS ?? 10_000);
// Bundled beside this file (dist/sample-worker.js).
const samples = new SampleRunner(fileURLToPath(new URL('./sample-worker.js', import.meta.url)), SAMPLE_BUDGET_MS);

const COMMANDS = [
  'qungui.server.validateWorkspace',
  'qungui.server.renderDocument',
  'qungui.server.evaluateSampleData',
  'qungui.server.newPolicy',
  'qungui.server.policyCatalogue',
  'qungui.server.sampleCounts',
];

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string };
  // An editor that sends no locale (Neovim, Helix) gets what the CLI would say on this machine.
  const requested = options.locale && options.locale !== 'auto' ? options.locale : (params.locale ?? localeFromEnvironment(process.env) ?? 'zh-CN');
  clientLocale = localeOfTag(requested) ?? 'en';
  locale = clientLocale;
  const settings = (params.initializationOptions ?? {}) as { sampleData?: string };
  sampleData = settings.sampleData || undefined;
  const folders = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri));
  if (folders.length === 0 && params.rootUri) folders.push(fileOf(params.rootUri));
  void scanWorkspace(folders).then(() => {
    if (documents.all().length) schedule();
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-', '{', ','] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: COMMANDS },
    },
    serverInfo: { name: 'qungui', version: '0.1.0' },
  };
});

function isPolicyDocument(doc: TextDocument): boolean {
  return doc.uri.endsWith('.qungui.yaml') || isPolicyText(doc.getText());
}

function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Policies in the workspace folders that are not open: they take part in cross-file checks (G2). */
const workspacePolicies = new Map<string, string>();

async function scanWorkspace(folders: string[]): Promise<void> {
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 6) return;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'out') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = await readFile(path, 'utf8').catch(() => '');
        if (isPolicyText(text) && !isPolicyTestText(text)) workspacePolicies.set(path, text);
      }
    }
  };
  for (const folder of folders) await walk(folder, 0);
}

/** Validates every open policy together with the workspace's (cross-file checks) and publishes each open one's diagnostics. */
function validateOpen(): void {
  const all = documents.all().filter(isPolicyDocument);
  for (const doc of all.filter((d) => isPolicyTestText(d.getText()))) {
    const result = checkPolicyTestFile(fileOf(doc.uri), doc.getText());
    validated.set(doc.uri, result);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: result.diagnostics.map((d) => toLspDiagnostic(d, locale, (file) => pathToFileURL(file).href)),
    });
  }
  const open = all.filter((d) => !isPolicyTestText(d.getText()));
  const small = open.filter((d) => d.lineCount <= LARGE_LINES);
  const openFiles = new Set(open.map((d) => fileOf(d.uri)));
  const closed = [...workspacePolicies].filter(([file]) => !openFiles.has(file)).map(([file, text]) => ({ file, text }));
  const results = [
    ...cache.validateAll([...small.map((d) => ({ file: fileOf(d.uri), text: d.getText() })), ...closed]),
    ...open
      .filter((d) => d.lineCount > LARGE_LINES)
      .map((d) => {
        if (!warnedLarge.has(d.uri)) {
          warnedLarge.add(d.uri);
          // A notification, not a request: a client without message buttons (Neovim) has nothing to answer.
          void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Info,
            message: say(
              locale,
              '文件超过 {LARGE_LINES} 行：跨文件检查和大纲已暂停，其余功能照常',
              'Over {LARGE_LINES} lines: cross-file checks and outline paused for this file',
              { LARGE_LINES },
            ),
          });
        }
        return cache.validate({ file: fileOf(d.uri), text: d.getText() });
      }),
  ];
  const byFile = new Map(results.map((r) => [r.file, r]));
  for (const doc of open) {
    const result = byFile.get(fileOf(doc.uri));
    if (!result) continue;
    validated.set(doc.uri, result);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: result.diagnostics.map((d) => toLspDiagnostic(d, locale, (file) => pathToFileURL(file).href)),
    });
  }
}

const scheduler = new ValidationScheduler(validateOpen, MAX_WAIT_MS);

function schedule(): void {
  scheduler.schedule();
}

documents.onDidOpen(() => schedule());
documents.onDidChangeContent(() => schedule());
documents.onDidClose((e) => {
  validated.delete(e.document.uri);
  samples.forget(e.document.uri);
  if (!workspacePolicies.has(fileOf(e.document.uri))) cache.forget(fileOf(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  schedule();
});

/** The freshest validation of a document (validated now if a debounce is pending). */
function current(uri: string): ValidatedPolicy | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const cached = validated.get(uri);
  if (cached && cached.text === doc.getText()) return cached;
  return cache.validate({ file: fileOf(uri), text: doc.getText() });
}

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  // The last validation is enough for ids (a keystroke behind at most); validate only if there is none yet.
  return complete(doc.getText(), doc.offsetAt(params.position), validated.get(doc.uri) ?? current(doc.uri), locale, (offset) => doc.positionAt(offset));
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  return hover(doc.getText(), doc.offsetAt(params.position), current(doc.uri), locale);
});

connection.onCodeAction((params) => {
  const v = current(params.textDocument.uri);
  return v ? codeActions(params.textDocument.uri, v, params.range, locale) : [];
});

/** The validated policy and the cursor offset of a position request. */
function at(uri: string, position: { line: number; character: number }) {
  const doc = documents.get(uri);
  const v = current(uri);
  return doc && v ? { v, offset: doc.offsetAt(position) } : undefined;
}

connection.onDefinition((params) => {
  const found = at(params.textDocument.uri, params.position);
  return found ? definition(params.textDocument.uri, found.v, found.offset) : null;
});

connection.onReferences((params) => {
  const found = at(params.textDocument.uri, params.position);
  return found ? references(params.textDocument.uri, found.v, found.offset, params.context.includeDeclaration) : [];
});

connection.onPrepareRename((params) => {
  const found = at(params.textDocument.uri, params.position);
  return found ? prepareRename(found.v, found.offset) : null;
});

connection.onRenameRequest((params) => {
  const found = at(params.textDocument.uri, params.position);
  return found ? rename(params.textDocument.uri, found.v, found.offset, params.newName, locale) : null;
});

connection.onDocumentSymbol((params) => {
  const v = current(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  return v && doc && doc.lineCount <= LARGE_LINES ? documentSymbols(v) : [];
});

connection.onFoldingRanges((params) => {
  const v = current(params.textDocument.uri);
  return v ? foldingRanges(v) : [];
});

connection.onDidChangeConfiguration((change) => {
  const settings = (change.settings as { qungui?: { sampleData?: string; locale?: string } } | undefined)?.qungui;
  if (settings && 'sampleData' in settings) sampleData = settings.sampleData || undefined;
  if (settings && 'locale' in settings) {
    settingLocale = settings.locale === 'zh-CN' || settings.locale === 'zh-TW' || settings.locale === 'en' ? settings.locale : undefined;
    const next = settingLocale ?? clientLocale;
    if (next !== locale) {
      locale = next;
      schedule(); // republish every message in the chosen language
    }
  }
  void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
});

// Workspace policies changed on disk (the client watches **/*.{yaml,yml}): cross-file checks follow.
connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    const file = fileOf(change.uri);
    if (change.type === FileChangeType.Deleted) {
      workspacePolicies.delete(file);
      cache.forget(file);
      continue;
    }
    const text = await readFile(file, 'utf8').catch(() => '');
    if (isPolicyText(text) && !isPolicyTestText(text)) workspacePolicies.set(file, text);
    else workspacePolicies.delete(file);
  }
  schedule();
});

connection.onCodeLens(async (params) => {
  const v = current(params.textDocument.uri);
  return v ? codeLenses(samples, params.textDocument.uri, v, sampleData, locale) : [];
});

connection.onExecuteCommand(async (params) => {
  if (params.command === 'qungui.server.validateWorkspace') {
    validateOpen();
    let errors = 0;
    let warnings = 0;
    for (const v of validated.values()) for (const d of v.diagnostics) d.severity === 'error' ? errors++ : d.severity === 'warning' && warnings++;
    return { files: validated.size, errors, warnings };
  }
  if (params.command === 'qungui.server.newPolicy') {
    // The same template as `qungui init`: it validates clean, with a comment on every setting.
    const [kind, name] = (params.arguments ?? []) as [GroupKind, string];
    const id = defaultPolicyId(kind, name);
    return { id, text: policyTemplate({ kind, name, groups: [], id }) };
  }
  if (params.command === 'qungui.server.renderDocument') {
    const uri = String(params.arguments?.[0] ?? '');
    const text = documents.get(uri)?.getText() ?? (await readFile(fileOf(uri), 'utf8').catch(() => ''));
    const [v] = validatePolicies([{ file: fileOf(uri), text }]);
    if (!v || v.value === undefined || v.diagnostics.some((d) => d.severity === 'error'))
      return { language: 'text', content: say(locale, '群规有错误，请先修正。', 'The policy has errors; fix them first.') };
    // Markdown by default; the preview asks for HTML (the same page as `qungui render --format html`).
    const format = params.arguments?.[1] === 'html' ? 'html' : 'md';
    return { language: format === 'html' ? 'html' : 'markdown', content: renderRegulation(v.value, { format, locale }).text };
  }
  if (params.command === 'qungui.server.policyCatalogue') return policyCatalogue(locale);
  if (params.command === 'qungui.server.sampleCounts') {
    // The visual editor's counts beside band rows and categories; none without a sample folder or with errors.
    const uri = String(params.arguments?.[0] ?? '');
    const v = current(uri);
    if (!v || !sampleData) return null;
    return sampleCountsView(await evaluateSample(samples, uri, v, sampleData)) ?? null;
  }
  if (params.command === 'qungui.server.evaluateSampleData') {
    const uri = String(params.arguments?.[0] ?? '');
    const v = current(uri);
    if (!v || !sampleData)
      return {
        language: 'markdown',
        content: say(
          locale,
          '请先在设置 qungui.sampleData 中指定样本数据文件夹（按月命名，如 2026-10）。',
          'Set qungui.sampleData to a sample bundle folder (named by month, e.g. 2026-10) first.',
        ),
      };
    const outcome = await evaluateSample(samples, uri, v, sampleData);
    if (outcome?.kind === 'over-budget')
      return {
        language: 'markdown',
        content: say(
          locale,
          '样本数据在 {value} 秒内未算完，已停止；请换一个较小的样本文件夹。',
          'The sample was not done within {value} s and was stopped; choose a smaller sample folder.',
          { value: outcome.budgetMs / 1000 },
        ),
      };
    if (outcome?.kind !== 'counts')
      return {
        language: 'markdown',
        content: say(locale, '无法在样本数据上运行：群规有错误或数据文件夹不可读。', 'Cannot run on the sample: policy errors or an unreadable folder.'),
      };
    return { language: 'html', content: sampleResultsPage(outcome.counts, sampleMonth(sampleData) ?? '', locale) };
  }
  return undefined;
});

// For the memory benchmark (bench/lsp.bench.mjs): heap after a full collection when run with --expose-gc.
connection.onRequest('qungui/heapUsed', () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
});

// Never crash on a failed promise (a client that refuses a request, an unreadable file): log and go on.
process.on('unhandledRejection', (reason) => connection.console.error(`qungui: ${String(reason)}`));

documents.listen(connection);
connection.listen();
