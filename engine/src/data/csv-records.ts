// CSV records out of physical lines, so that one stray quote costs one row and never the rest of the
// file. csv-parse alone, given a whole file, reads a quote that opens a field and is never closed as
// one field up to the next quote anywhere below (with relax_quotes) or up to the end of the file: every
// line in between vanished as one "malformed row" numbered by its last line. Here the lines are
// grouped into records first, by csv-parse's own quote rules (delimiter ",", quote and escape '"',
// relax_quotes, "\n" ends a record). A quoted field may span lines, but a record whose quote is
// still open at the end of the file, or after 4 MB, or whose carried field is only "closed" by a quote
// with something else than a comma or the line end after it (the signature of a stray quote meeting
// the next row's quote) is not a record: its first line is rejected — with its number, the column
// and the problem, never a value — and grouping starts again at the line after it. Only complete
// records are handed to csv-parse, a batch at a time, which does the field parsing.
//
// Linear time, bounded memory: the open record holds at most 4 MB of lines; after a rejection, each
// line of it is scanned once more from outside quotes, and as soon as one opens a quote again its run
// is the same as the rejected one's from there on (same state at the same place), so it is not
// scanned again. Lines are numbered as an editor shows them (1-based, "\n" ends a line); a record's
// line is its first.
import { parse as parseCsv } from 'csv-parse/sync';
import { headerNames } from './header-names.js';
import { lineTooLong, MAX_LINE_BYTES } from './line-limit.js';
import type { RawRecord } from './raw-record.js';
import { rowSites } from './row-lifetimes.js';
import { unreadableLine } from './unreadable-line.js';
import { localized } from '../i18n/localized-text.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { LocalizedError } from '../i18n/localized-error.js';

const QUOTE = 0x22;
const COMMA = 0x2c;

/** scanLine: the line ends outside quotes. */
export const OUTSIDE = -1;
/** scanLine: a field carried from the line before is ended by a quote followed by neither a comma nor the line end. */
export const STRAY = -2;

/**
 * The quote state after one physical line (`text`, without its line end), exactly as csv-parse
 * (relax_quotes) would leave it: OUTSIDE, STRAY, or the 0-based column whose quoted field is still
 * open at the line end. `carried` is that column when the line starts inside a quoted field of the
 * line before, or OUTSIDE at the start of a record. Outside quotes a quote opens a field only at
 * the field's start (elsewhere it is a literal, as csv-parse keeps it); inside, `""` is a quote, and
 * a quote followed by a comma or the line end closes the field. Followed by anything else, csv-parse
 * keeps it as a literal and ends the quoting: within one line that is kept (`"ab"c` stays `"ab"c`);
 * for a field carried over a line break it is STRAY.
 */
export function scanLine(text: string, carried: number): number {
  let pos = text.indexOf('"');
  if (pos === -1) return carried;
  let quoted = carried !== OUTSIDE;
  let column = quoted ? carried : 0;
  let fieldStart = !quoted;
  let isCarried = quoted;
  // Columns before the first quote (outside quotes only; inside, commas are text).
  if (!quoted) {
    for (let comma = text.indexOf(',', 0); comma !== -1 && comma < pos; comma = text.indexOf(',', comma + 1)) column++;
    fieldStart = pos === 0 || text.charCodeAt(pos - 1) === COMMA;
  }
  const length = text.length;
  for (; pos < length; pos++) {
    const c = text.charCodeAt(pos);
    if (quoted) {
      if (c !== QUOTE) continue;
      const next = pos + 1 < length ? text.charCodeAt(pos + 1) : -1;
      if (next === QUOTE) {
        pos++;
        continue;
      }
      quoted = false;
      if (next !== COMMA && next !== -1) {
        if (isCarried) return STRAY;
        fieldStart = false;
      }
      isCarried = false;
    } else if (c === COMMA) {
      column++;
      fieldStart = true;
    } else if (c === QUOTE && fieldStart) {
      quoted = true;
    } else {
      fieldStart = false;
    }
  }
  return quoted ? column : OUTSIDE;
}

type Reason = 'eof' | 'stray' | 'cap' | 'bytes';

/** A complete record waiting for csv-parse. */
interface Pending {
  line: number;
  last: number;
  text: string;
}

const byteLength = (text: string) => Buffer.byteLength(text) + 1; // its "\n"

/**
 * Records of one CSV file, fed its physical lines in order (`line`, `tooLong` for a line that was over
 * the cap and not kept, `unreadable` for one holding bytes that are not text, `end`); `take` hands out the records and problems so far, in line order.
 */
export class CsvRecords {
  private names: string[] | undefined;
  /** Lines of the open record (raw, a "\r" kept), from index `head`; line `first` is lines[head]. */
  private lines: string[] = [];
  private head = 0;
  private first = 0;
  private bytes = 0;
  /** The column whose quote the open record's first line left open. */
  private column = 0;
  /** The state at the end of the open record's last line (the column of its open field). */
  private carried = OUTSIDE;
  private out: (RawRecord | Pending)[] = [];

  constructor(
    private readonly headerRow: number,
    private readonly columns: Record<string, string> | undefined,
    private readonly streamed: boolean,
  ) {}

  line(line: number, raw: string): void {
    if (line < this.headerRow) return;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.head === this.lines.length) {
      this.start(line, raw, text);
      return;
    }
    const state = scanLine(text, this.carried);
    // Each rejection moves the open record's start down; a start that opens a quote again has the
    // same state here and meets the same stray quote, until none is open.
    while (state === STRAY && this.head < this.lines.length) this.reject('stray', line);
    if (this.head === this.lines.length) {
      this.start(line, raw, text);
      return;
    }
    if (state === OUTSIDE) {
      this.complete(line, text);
      return;
    }
    this.lines.push(raw);
    this.bytes += byteLength(raw);
    this.carried = state;
    while (this.bytes > MAX_LINE_BYTES && this.head < this.lines.length) this.reject('cap', line);
  }

  /** A line over MAX_LINE_BYTES, not kept: an open record would hold it, so it is over the cap too. */
  tooLong(line: number): void {
    if (line < this.headerRow) return;
    while (this.head < this.lines.length) this.reject('cap', line);
    if (this.names === undefined)
      throw new LocalizedError(localized('第 {line} 行（表头）超过 4 MB', 'line {line} (the header) is longer than 4 MB', { line }));
    this.out.push(lineTooLong(line));
  }

  /** A line holding bytes that are not text: no record may hold it, so an open record is broken too. */
  unreadable(line: number): void {
    if (line < this.headerRow) return;
    while (this.head < this.lines.length) this.reject('bytes', line);
    if (this.names === undefined)
      throw new LocalizedError(
        localized(
          '第 {line} 行（表头）含有无法识别的字节（不是 UTF-8 或 GBK 编码的文字）',
          'line {line} (the header) holds bytes that are not UTF-8 (or GBK) text',
          { line },
        ),
      );
    this.out.push(unreadableLine(line));
  }

  end(): void {
    while (this.head < this.lines.length) this.reject('eof', 0);
  }

  /** Records and problems so far, in line order. */
  take(): RawRecord[] {
    const out = this.out;
    this.out = [];
    const pending = out.filter((item): item is Pending => 'text' in item);
    if (pending.length === 0) return out as RawRecord[];
    const parsed = this.parse(pending);
    let next = 0;
    return out.map((item) => ('text' in item ? parsed[next++]! : item));
  }

  private start(line: number, raw: string, text: string): void {
    this.lines.length = 0;
    this.head = 0;
    if (text === '') return; // an empty line is no record (csv-parse's skip_empty_lines)
    const state = scanLine(text, OUTSIDE);
    if (state === OUTSIDE) {
      this.pushRecord({ line, last: line, text });
      return;
    }
    this.lines.push(raw);
    this.first = line;
    this.bytes = byteLength(raw);
    this.column = state;
    this.carried = state;
    if (this.bytes > MAX_LINE_BYTES) this.reject('cap', line);
  }

  private complete(line: number, text: string): void {
    const lines = this.lines;
    let joined = '';
    for (let i = this.head; i < lines.length; i++) joined += `${lines[i]}\n`;
    this.pushRecord({ line: this.first, last: line, text: joined + text });
    lines.length = 0;
    this.head = 0;
  }

  private pushRecord(record: Pending): void {
    if (this.names !== undefined) {
      this.out.push(record);
      return;
    }
    const header = (parseCsv(record.text, { relax_quotes: true, record_delimiter: '\n' }) as string[][])[0] ?? [];
    this.names = headerNames(header, this.columns);
  }

  /**
   * The open record's first line is no row: rejected, and the lines after it grouped again from
   * outside quotes. A line that opens a quote again becomes the open record, the rest of the old one
   * its lines (their states are the old run's, not scanned again).
   */
  private reject(reason: Reason, at: number): void {
    const lines = this.lines;
    const line = this.first;
    if (this.names === undefined) throw new LocalizedError(headerProblem(line, reason));
    this.out.push({ line, problem: quoteProblem(line, this.label(this.column), reason, at) });
    this.bytes -= byteLength(lines[this.head]!);
    this.head++;
    this.first++;
    while (this.head < lines.length) {
      const raw = lines[this.head]!;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const state = text === '' ? OUTSIDE : scanLine(text, OUTSIDE);
      if (state !== OUTSIDE) {
        this.column = state;
        return;
      }
      if (text !== '') this.out.push({ line: this.first, last: this.first, text });
      this.bytes -= byteLength(raw);
      this.head++;
      this.first++;
    }
  }

  private label(column: number): LocalizedText {
    const name = this.names?.[column];
    return name
      ? localized('第 {value} 列（{name}）', 'column {value} ({name})', { value: column + 1, name })
      : localized('第 {value} 列', 'column {value}', { value: column + 1 });
  }

  /** csv-parse over a batch of complete records, one result per record, in order. */
  private parse(pending: Pending[]): RawRecord[] {
    const names = this.names!;
    const sites = rowSites(this.streamed);
    const results: RawRecord[] = [];
    let batch = pending;
    let index = 0;
    const options = {
      columns: names,
      relax_quotes: true,
      record_delimiter: '\n',
      skip_records_with_error: true,
      on_record: (record: Record<string, unknown>) => {
        const line = batch[index++]?.line ?? 0;
        results.push(sites.record(line, record));
        return null;
      },
      on_skip: (error: unknown) => {
        const item = batch[index++];
        results.push({ line: item?.line ?? 0, problem: csvProblem(error, names.length, item) });
        return undefined;
      },
    };
    parseCsv(pending.map((p) => p.text).join('\n'), options);
    if (results.length === pending.length) return results;
    // Never expected (the records were cut by csv-parse's own rules); should csv-parse see other
    // boundaries, each record is parsed alone, so that each still gets exactly one outcome.
    return pending.map((item) => {
      batch = [item];
      index = 0;
      results.length = 0;
      parseCsv(item.text, options);
      if (results.length === 1) return results[0]!;
      return {
        line: item.line,
        problem: localized('CSV 行格式错误：第 {span}无法读成一行', 'malformed CSV row: {span} cannot be read as one row', { span: span(item) }),
      };
    });
  }
}

function span(item: Pending): LocalizedText {
  return item.last > item.line
    ? localized('{line}–{last} 行', 'lines {line}–{last}', { line: item.line, last: item.last })
    : localized('{line} 行', 'line {line}', { line: item.line });
}

/** csv-parse's reason for a record, without its message (which may quote a value). */
function csvProblem(error: unknown, expected: number, item: Pending | undefined): LocalizedText {
  const e = error as { code?: string; record?: unknown[] };
  const where =
    item && item.last > item.line
      ? localized('（这条记录占第 {line}–{last} 行）', ' (the record spans lines {line}–{last})', { line: item.line, last: item.last })
      : localized('', '');
  if (e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' && Array.isArray(e.record)) {
    return localized('CSV 行格式错误：有 {length} 列，表头有 {expected} 列{value}', 'malformed CSV row: {length} columns, the header has {expected}{value}', {
      length: e.record.length,
      expected,
      value: where,
    });
  }
  return localized('CSV 行格式错误（{value}）{value2}', 'malformed CSV row ({value}){value2}', { value: e.code ?? 'unknown', value2: where });
}

const NOT_READ = localized('此行未读取，从下一行继续读取', 'this line was not read; reading went on with the next line');

function quoteProblem(line: number, column: LocalizedText, reason: Reason, at: number): LocalizedText {
  switch (reason) {
    case 'eof':
      return localized(
        '第 {line} 行{value}以引号开头，但直到文件末尾都没有闭合的引号（多半是多余的引号）；{value2}',
        'line {line}: {value} opens a quote that is never closed before the end of the file (most likely a stray quote); {value2}',
        { line, value: column, value2: NOT_READ },
      );
    case 'stray':
      return localized(
        '第 {line} 行{value}以引号开头，直到第 {at} 行才遇到引号，而其后既不是逗号也不是行尾（多半是多余的引号）；{value2}',
        'line {line}: {value} opens a quote that is only met again on line {at}, followed by neither a comma nor the line end (most likely a stray quote); {value2}',
        { line, value: column, at, value2: NOT_READ },
      );
    case 'bytes':
      return localized(
        '第 {line} 行{value}以引号开头，引号内的第 {at} 行含有无法识别的字节；{value2}',
        'line {line}: {value} opens a quote whose line {at} holds bytes that are not text; {value2}',
        { line, value: column, at, value2: NOT_READ },
      );
    case 'cap':
      return localized(
        '第 {line} 行{value}以引号开头，引号内的内容超过 4 MB 仍未闭合（多半是多余的引号）；{value2}',
        'line {line}: {value} opens a quote still not closed after 4 MB (most likely a stray quote); {value2}',
        { line, value: column, value2: NOT_READ },
      );
  }
}

function headerProblem(line: number, reason: Reason): LocalizedText {
  return reason === 'cap'
    ? localized('第 {line} 行（表头）引号内的内容超过 4 MB 仍未闭合', 'line {line} (the header) has a quote still not closed after 4 MB', { line })
    : localized('第 {line} 行（表头）有没有闭合的引号', 'line {line} (the header) has a quote that is never properly closed', { line });
}
