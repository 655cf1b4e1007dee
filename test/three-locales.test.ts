// Every command, on the example month, the WeCom example exports and the invalid-policy fixtures, in zh-CN, zh-TW and en, read as a
// person would read it: the CLI's own output, the reports (report.md, report.html as text, the people
// columns of the CSVs and of report.xlsx) and the rendered regulation. In zh-TW no Simplified-only
// character may remain, in English no Chinese, once the data's own words are set aside (names, quoted
// messages, the labels and terms a policy writes); the reports show no member or room id, no finding
// code, no file path and no policy path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
// @ts-expect-error: opencc-js ships no types for its dictionaries
import STCharacters from 'opencc-js/dict/STCharacters';
import { toTraditional } from '../scripts/zh-tw-converter.mjs';
import { describe, expect, test } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const HAN = /\p{Script=Han}/u;

// The data's own words: every string of the example policies, bundle and fixtures. Longest first, so a
// name is removed whole before a shorter word inside it.
function dataWords(): string[] {
  const words = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const part of value.split(/[\s,，、;；]+/)) if (HAN.test(part)) words.add(part);
      if (HAN.test(value)) words.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const yamlFiles = [
    ...readdirSync(join(repoRoot, 'examples/policies')).map((f) => `examples/policies/${f}`),
    ...readdirSync(join(repoRoot, 'examples/tests')).map((f) => `examples/tests/${f}`),
    ...readdirSync(join(repoRoot, 'test/fixtures/invalid'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `test/fixtures/invalid/${f}`),
    'test/fixtures/diff/onboarding-lenient.qungui.yaml',
  ];
  for (const file of yamlFiles) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    // Every Chinese run of the file (broken files included: their scalars are the author's words too).
    for (const match of text.matchAll(/[\p{Script=Han}\w“”"'（）()·-]*\p{Script=Han}[\p{Script=Han}\w“”"'（）()·-]*/gu)) words.add(match[0]);
  }
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of [...files(join(repoRoot, 'examples/data/2026-10')), ...files(join(repoRoot, 'examples/wecom-bundle'))]) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.csv')) collect(parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true }));
    else if (file.endsWith('.json')) collect(JSON.parse(text));
    else if (file.endsWith('.jsonl'))
      for (const line of text.split('\n'))
        if (line.trim()) collect(JSON.parse(line));
        else if (file.endsWith('.yaml')) for (const match of text.matchAll(/[^\s:：,，]*\p{Script=Han}[^\s:：,，]*/gu)) words.add(match[0]);
  }
  return [...words].sort((a, b) => b.length - a.length);
}

const WORDS = dataWords();

/** The text with the data's words, quoted chat (“…”) and masked excerpts taken out. */
function ours(text: string): string {
  let rest = text.replace(/“[^”\n]*”/g, ' ');
  for (const word of WORDS) if (rest.includes(word)) rest = rest.split(word).join(' ');
  return rest;
}

// A character is Simplified where opencc's Simplified → Traditional table has it as a key; some of those
// are Traditional too in some words (批准, 公里). So a character left in a zh-TW text is Simplified-only
// when qungui's own converter, run over the text again, would still change it there.
const SIMPLIFIED = new Set((STCharacters as string).split('|').map((entry) => entry.split(' ')[0]!));
/** The Simplified-only characters left in a Traditional text. */
function simplifiedOnly(text: string): string[] {
  const found = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const converted: string = toTraditional(run);
    for (let i = 0; i < run.length; i++) {
      const c = run[i]!;
      if (!SIMPLIFIED.has(c)) continue;
      if (converted.length === run.length ? converted[i] !== c : !converted.includes(c)) found.add(c);
    }
  }
  return [...found];
}

// Id and code columns are the machine's (secondary, last): left out of what people read.
const ID_COLUMN = /ID|代码|代碼|Code|规则位置|規則位置|Policy line|证据|證據|Evidence/;

function htmlText(html: string): string {
  // The member cards travel as JSON (anchor → lines): what people read is the lines.
  const withCards = html.replace(/<script type="application\/json" id="card-data">([\s\S]*?)<\/script>/, (_, json: string) =>
    Object.values(JSON.parse(json) as Record<string, [string, string][]>)
      .flatMap((lines) => lines.map(([, text]) => text))
      .join('\n'),
  );
  // The member rows travel as data too (their HTML, then what search reads): people read the rows.
  const withRows = withCards.replace(/<script type="application\/json" id="member-data">([\s\S]*?)<\/script>/, (_, json: string) =>
    Object.values(JSON.parse(json) as Record<string, [string][]>)
      .flatMap((rows) => rows.map(([html]) => html.replace(/<td><a [^>]*>[^<]*<\/a><\/td>/, '')))
      .join('\n'),
  );
  const tables = withRows.replace(/<table>([\s\S]*?)<\/table>/g, (_, table: string) => {
    const head = [...table.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((m) => m[1]!);
    const keep = head.map((h) => !ID_COLUMN.test(h));
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)]
        .map((c) => c[1]!)
        .filter((_, i) => keep[i] !== false)
        .join(' | '),
    );
    return rows.join('\n');
  });
  return tables
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

async function xlsxPeopleText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  book.eachSheet((sheet) => {
    cells.push(sheet.name);
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    // The id and code columns are the machine's: the last ones, named so.
    const idColumns = new Set(header.flatMap((h, i) => (ID_COLUMN.test(h) ? [i] : [])));
    sheet.eachRow((row) => {
      (row.values as unknown[]).forEach((v, i) => {
        if (!idColumns.has(i) && v !== null && v !== undefined) cells.push(typeof v === 'object' ? JSON.stringify(v) : String(v));
      });
    });
  });
  return cells.join('\n');
}

function csvPeopleText(file: string, trailing: number): string {
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as string[][];
  return rows.map((row) => row.slice(0, row.length - trailing).join(' | ')).join('\n');
}

/** What every command says in one locale, by where it was read. */
async function everything(locale: Locale): Promise<{ cli: Record<string, string>; reports: Record<string, string> }> {
  const cli: Record<string, string> = {};
  const reports: Record<string, string> = {};
  const say = (name: string, args: string[]) => {
    const run = qungui([...args, '--locale', locale]);
    cli[name] = run.stdout + run.stderr;
    return run;
  };
  say('validate examples', ['validate', 'examples/policies']);
  const invalid = readdirSync(join(repoRoot, 'test/fixtures/invalid')).filter((f) => f.endsWith('.yaml'));
  for (const file of invalid) say(`validate ${file}`, ['validate', `test/fixtures/invalid/${file}`]);
  say('test', ['test', 'examples/tests', '--coverage']);
  say('diff', [
    'diff',
    '--policy',
    'examples/policies/onboarding.qungui.yaml',
    '--policy',
    'test/fixtures/diff/onboarding-lenient.qungui.yaml',
    '--data',
    'examples/data/2026-10',
  ]);
  say('bundle check', ['bundle', 'check', 'examples/data/2026-10']);
  const dir = mkdtempSync(join(tmpdir(), `qungui-locale-${locale}-`));
  say('init', ['init', '--yes', '--kind', 'skill', '--name', '华东区销售技能提升培训群', '--out', join(dir, 'new.qungui.yaml')]);
  say('unknown command', ['valdate']);
  say('explain', ['explain', '--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10', '--member', '胡芳']);
  say('unknown option', ['validate', '--polcy', 'x']);
  say('bad choice', ['validate', 'examples/policies', '--format', 'pdf']);
  const out = join(dir, 'out');
  // October with August and September archived: the reports show the months before and the trend.
  const archive = join(dir, 'archive');
  const earlier = spawnSync(process.execPath, [join(repoRoot, 'scripts/example-archive.mjs'), '--out', dir, ...(locale ? ['--locale', locale] : [])], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(earlier.status, earlier.stderr).toBe(0);
  cli['example archive'] = earlier.stdout + earlier.stderr;
  const evaluated = say('evaluate', [
    'evaluate',
    '--policy',
    'examples/policies',
    '--data',
    'examples/data/2026-10',
    '--month',
    '2026-10',
    '--out',
    out,
    '--format',
    'xlsx',
    '--archive',
    archive,
    '--replace',
  ]);
  expect(evaluated.code, evaluated.stderr).toBe(0);
  reports['trend.md'] = say('trend', ['trend', '--archive', archive]).stdout;
  expect(reports['trend.md']).toMatch(/2026-09.*\|.*30 → 40/);
  say('trend html', ['trend', '--archive', archive, '--format', 'html', '--out', join(dir, 'trend.html'), '--force']);
  reports['trend.html'] = htmlText(readFileSync(join(dir, 'trend.html'), 'utf8'));
  say('trend xlsx', ['trend', '--archive', archive, '--format', 'xlsx', '--out', join(dir, 'trend.xlsx')]);
  reports['trend.xlsx'] = await xlsxPeopleText(join(dir, 'trend.xlsx'));
  // The WeCom exports (archive, group details, a roster with Chinese headers): a second month.
  say('bundle check wecom', ['bundle', 'check', 'examples/wecom-bundle', '--month', '2026-10']);
  const wecomOut = join(dir, 'wecom');
  say('evaluate wecom', [
    'evaluate',
    '--policy',
    'examples/policies/onboarding.qungui.yaml',
    '--data',
    'examples/wecom-bundle',
    '--month',
    '2026-10',
    '--out',
    wecomOut,
  ]);
  reports['wecom report.md'] = readFileSync(join(wecomOut, 'report.md'), 'utf8');
  reports['wecom findings.csv'] = csvPeopleText(join(wecomOut, 'findings.csv'), 4);
  reports['report.md'] = readFileSync(join(out, 'report.md'), 'utf8');
  reports['summary.md'] = readFileSync(join(out, 'summary.md'), 'utf8');
  reports['report.html'] = htmlText(readFileSync(join(out, 'report.html'), 'utf8'));
  reports['members.csv'] = csvPeopleText(join(out, 'members.csv'), 2);
  reports['findings.csv'] = csvPeopleText(join(out, 'findings.csv'), 4);
  reports['report.xlsx'] = await xlsxPeopleText(join(out, 'report.xlsx'));
  for (const file of readdirSync(join(repoRoot, 'examples/policies'))) {
    for (const format of ['md', 'html']) {
      const run = say(`render ${file} ${format}`, ['render', `examples/policies/${file}`, '--format', format]);
      reports[`render ${file} ${format}`] = format === 'html' ? htmlText(run.stdout) : run.stdout;
    }
  }
  return { cli, reports };
}

const said = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await everything(l)] as const))) as Record<
  Locale,
  Awaited<ReturnType<typeof everything>>
>;

describe('every command in three languages', { timeout: 120_000 }, () => {
  test('zh-TW: no Simplified-only character in anything qungui says', () => {
    const found: string[] = [];
    for (const [where, text] of Object.entries({ ...said['zh-TW'].cli, ...said['zh-TW'].reports })) {
      const chars = simplifiedOnly(ours(text));
      if (chars.length) found.push(`${where}: ${chars.join('')}`);
    }
    expect(found).toEqual([]);
  });

  test('en: no Chinese in anything qungui says', () => {
    const found: string[] = [];
    for (const [where, text] of Object.entries({ ...said.en.cli, ...said.en.reports })) {
      // A one-character term's warning cites the ordinary words it hides in: the data's words too.
      const chinese = [...new Set(ours(text.replace(/\(\p{Script=Han} in [\p{Script=Han}, ]+\)/gu, '')).match(/\p{Script=Han}+/gu) ?? [])];
      if (chinese.length) found.push(`${where}: ${chinese.join(' ')}`);
    }
    expect(found).toEqual([]);
  });

  test('zh-CN and zh-TW: the CLI speaks Chinese (its sentences are not the English ones)', () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const)
      for (const [where, text] of Object.entries(said[locale].cli)) if (text.trim()) expect(HAN.test(text), `${locale} ${where}: ${text}`).toBe(true);
  });

  test('the reports and the rendered regulation show no member or room id, finding code, file path or policy path', () => {
    const members = readFileSync(join(repoRoot, 'examples/data/2026-10/members.csv'), 'utf8');
    const rows = parseCsv(members.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const named = new Set(rows.filter((r) => r.name && r.name !== r.member_id).map((r) => r.member_id!));
    const rooms = new Set(rows.map((r) => r.group_id!));
    const codes = readdirSync(join(repoRoot, 'docs/findings')).map((f) => f.replace(/\.md$/, ''));
    for (const locale of LOCALES)
      for (const [where, text] of Object.entries(said[locale].reports)) {
        const plain = text.replace(/“[^”\n]*”/g, '“…”');
        for (const id of named) expect(plain, `${locale} ${where}: member id ${id}`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9_-])${id}([^A-Za-z0-9_-]|$)`));
        for (const room of rooms) expect(plain, `${locale} ${where}: room id ${room}`).not.toContain(room);
        for (const code of codes) expect(plain, `${locale} ${where}: finding code ${code}`).not.toMatch(new RegExp(`(^|[^A-Za-z-])${code}([^A-Za-z-]|$)`));
        expect(plain, `${locale} ${where}: a file or policy path`).not.toMatch(
          /\.qungui\.yaml|content\.categories|assessment\.[a-z]|membership\.[a-z]|outcomes\.[a-z]/,
        );
      }
  });
});
