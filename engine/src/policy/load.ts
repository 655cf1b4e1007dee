// Reads policy text into a yaml Document that keeps every node's range. Everything that can go wrong
// before the schema sees the value is reported here as a diagnostic with a location — never thrown.
import { LineCounter, parseAllDocuments, isMap, isDocument, type Document } from 'yaml';
import type { Diagnostic, LocalizedText, Severity } from '../diagnostics/diagnostic.js';
import { countLines, rangeFromOffsets } from '../diagnostics/range.js';
import { yamlErrorZh } from './yaml-messages.js';
import { blockEnd, firstOccurrence, fullWidthColon, unclosedQuote } from './yaml-slips.js';
import { localized } from '../i18n/localized-text.js';

/** Largest policy file accepted. A policy is a page of settings and word lists, not a data dump. */
export const MAX_POLICY_BYTES = 4 * 1024 * 1024;
/** Aliases beyond this are refused: a billion-laughs file must fail fast, not expand. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadedPolicy {
  file: string;
  text: string;
  lineCounter: LineCounter;
  /** The first YAML document, with ranges; undefined when the text is not YAML at all. */
  document?: Document.Parsed;
  /** The plain value of the document (undefined when loading failed). */
  value: unknown;
  diagnostics: Diagnostic[];
}

function diagnostic(lineCounter: LineCounter, code: string, severity: Severity, message: LocalizedText, start: number, end: number): Diagnostic {
  return { code, severity, message, range: rangeFromOffsets(lineCounter, start, end), path: '' };
}

/** Text that is not a policy at all: NUL bytes or U+FFFD from invalid UTF-8 decoding. */
function binaryOffset(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul === -1) return bad;
  if (bad === -1) return nul;
  return Math.min(nul, bad);
}

export function loadPolicyText(file: string, text: string, byteLength = Buffer.byteLength(text)): LoadedPolicy {
  const lineCounter = new LineCounter();
  const fail = (d: Diagnostic): LoadedPolicy => ({ file, text, lineCounter, value: undefined, diagnostics: [d] });

  if (byteLength > MAX_POLICY_BYTES) {
    countLines(text, lineCounter);
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    return fail(
      diagnostic(
        lineCounter,
        'file-too-large',
        'error',
        localized(
          '文件过大（{mb} MB），群规文件不能超过 {value} MB；请把词库拆分或精简',
          'File too large ({mb} MB): a policy file may be at most {value} MB; split or trim the word lists',
          { mb, value: MAX_POLICY_BYTES / 1024 / 1024 },
        ),
        0,
        0,
      ),
    );
  }
  const binaryAt = binaryOffset(text);
  if (binaryAt !== -1) {
    countLines(text, lineCounter);
    return fail(
      diagnostic(
        lineCounter,
        'binary-file',
        'error',
        localized(
          '这不是 UTF-8 文本文件（含有二进制或无法解码的字节）；群规须保存为 UTF-8 编码的 YAML',
          'Not a UTF-8 text file (binary or undecodable bytes); save the policy as UTF-8 YAML',
        ),
        binaryAt,
        binaryAt + 1,
      ),
    );
  }
  // Line by line: a single regex over the whole text backtracks exponentially on comment lines.
  if (text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
    countLines(text, lineCounter);
    return fail(
      diagnostic(
        lineCounter,
        'empty-file',
        'error',
        localized(
          '文件是空的：群规至少需要 apiVersion、kind、metadata、groups 和 ratings',
          'The file is empty: a policy needs at least apiVersion, kind, metadata, groups and ratings',
        ),
        0,
        0,
      ),
    );
  }

  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const docs = Array.isArray(documents) ? documents : [];
  const diagnostics: Diagnostic[] = [];
  const document = docs[0];
  if (!document || !isDocument(document)) {
    return { file, text, lineCounter, value: undefined, diagnostics };
  }

  for (const extra of docs.slice(1)) {
    const [start] = extra.range;
    diagnostics.push(
      diagnostic(
        lineCounter,
        'multiple-documents',
        'error',
        localized(
          '一个文件只能有一份群规（一个 YAML 文档）；请把 --- 之后的内容移到单独的文件',
          'A file holds one policy (one YAML document); move what follows --- into a file of its own',
        ),
        start,
        Math.min(text.length, start + 3),
      ),
    );
  }
  const linesWithSyntaxError = new Set<number>();
  // After a full-width colon, the errors in the block under it are its consequences.
  let colonBlockEnd = -1;
  let quoteReported = false;
  for (const error of [...document.errors, ...document.warnings]) {
    // yaml reports follow-on errors on the same line as the first (a tab also breaks the mapping);
    // the first one is the cause, the rest are noise.
    const line = lineCounter.linePos(error.pos[0]).line;
    if (error.code !== 'DUPLICATE_KEY') {
      if (linesWithSyntaxError.has(line)) continue;
      linesWithSyntaxError.add(line);
    }
    const isDuplicate = error.code === 'DUPLICATE_KEY';
    if (!isDuplicate) {
      if (error.pos[0] < colonBlockEnd) continue;
      if (quoteReported) continue;
      // An unclosed quote: reported at the quote, once; yaml's errors after it are its consequences.
      const quote = unclosedQuote(text, lineCounter, error.pos[0]);
      if (quote) {
        diagnostics.push(quote.diagnostic);
        quoteReported = true;
        continue;
      }
      const lineStart = error.pos[0] - lineCounter.linePos(error.pos[0]).col + 1;
      const colon = fullWidthColon(text, lineCounter, lineStart);
      if (colon) {
        diagnostics.push(colon);
        colonBlockEnd = blockEnd(text, lineStart);
        continue;
      }
    }
    if (isDuplicate) {
      const first = firstOccurrence(document, error.pos[0]);
      if (first) {
        const line = lineCounter.linePos(first.start).line;
        diagnostics.push({
          ...diagnostic(
            lineCounter,
            'duplicate-key',
            'error',
            localized(
              '键“{key}”重复：第 {line} 行已经写过；同一层级的键只能出现一次，只保留一处',
              'The key “{key}” is repeated: it is already written on line {line}; keep one of them',
              { key: first.key, line },
            ),
            error.pos[0],
            Math.min(keyEnd(text, error.pos[0]), text.length),
          ),
          related: [
            {
              file,
              range: rangeFromOffsets(lineCounter, first.start, first.end),
              message: localized('“{key}”第一次出现在这里', '“{key}” first appears here', { key: first.key }),
            },
          ],
        });
        continue;
      }
    }
    const zh = yamlErrorZh[error.code];
    diagnostics.push(
      diagnostic(
        lineCounter,
        isDuplicate ? 'duplicate-key' : 'yaml-syntax',
        error.name === 'YAMLWarning' ? 'warning' : 'error',
        isDuplicate
          ? localized('重复的键：同一层级的键只能出现一次', 'Duplicate key: a key may appear only once at the same level')
          : zh
            ? localized(zh, firstLine(error.message))
            : localized('YAML 格式错误（{detail}）', '{detail}', { detail: firstLine(error.message) }),
        // yaml places an error about an unclosed collection at the end of the input one past the last
        // character; ranges stay inside the text (at worst empty at its very end).
        Math.min(error.pos[0], text.length),
        Math.min(isDuplicate ? keyEnd(text, error.pos[0]) : error.pos[1], text.length),
      ),
    );
  }
  if (document.errors.length > 0) {
    return { file, text, lineCounter, document, value: undefined, diagnostics };
  }

  if (!isMap(document.contents)) {
    const node = document.contents;
    const [start, nodeEnd] = node?.range ?? [0, text.length];
    const newline = text.indexOf('\n', start);
    const end = newline !== -1 && newline < nodeEnd ? newline : nodeEnd;
    const what = node === null ? localized('空值', 'nothing') : 'items' in node ? localized('列表', 'a list') : localized('单个值', 'a single value');
    diagnostics.push(
      diagnostic(
        lineCounter,
        'not-a-mapping',
        'error',
        localized(
          '群规应是“键: 值”的映射，这里是{what}；请以 apiVersion: qungui/v1 开头',
          'A policy is a mapping of keys to values, not {what}; start with apiVersion: qungui/v1',
          { what },
        ),
        start,
        end,
      ),
    );
    return { file, text, lineCounter, document, value: undefined, diagnostics };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    const alias = firstAliasOffset(text);
    diagnostics.push(
      diagnostic(
        lineCounter,
        'alias-limit',
        'error',
        localized(
          '别名（*name）展开过多（上限 {MAX_ALIAS_COUNT}），疑似“十亿笑声”攻击；请直接写出内容，不要用别名层层引用',
          'Aliases (*name) expand too much (limit {MAX_ALIAS_COUNT}), as in a billion-laughs attack; write the content out instead of nesting aliases',
          { MAX_ALIAS_COUNT },
        ),
        alias,
        alias + 1,
      ),
    );
    return { file, text, lineCounter, document, value: undefined, diagnostics };
  }
  return { file, text, lineCounter, document, value, diagnostics };
}

/** yaml marks a duplicate key by its first character; mark the whole key, as editors do. */
function keyEnd(text: string, start: number): number {
  const match = /^(?:"[^"\n]*"|'[^'\n]*'|[^:#\n]*?)(?=\s*:)/.exec(text.slice(start, start + 1100));
  return match && match[0].length > 0 ? start + match[0].length : start + 1;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function firstAliasOffset(text: string): number {
  const match = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
  return match ? match.index + match[1]!.length : 0;
}
