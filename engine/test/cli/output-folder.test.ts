// Where the CLI writes: evaluate/render/init refuse every --out that would delete or replace a file
// qungui did not write, before any work, with exit 2 and a message in both languages; a marked folder
// has only its listed files replaced; locks and temp folders of a killed run are cleared by the next.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { MARKER } from '../../src/cli/output-folder.js';
import { BASE } from '../evaluate/helpers.js';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false, env: {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** A work folder as a user has it: a policy folder, the month's exports, and files of their own. */
function workFolder(policyText = BASE): string {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-out-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/p.qungui.yaml'), policyText);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data/members.csv'), 'group_id,member_id,joined_at\ng1,a,2026-09-01 09:00:00\ng1,b,2026-09-01 09:00:00\n');
  writeFileSync(
    join(dir, 'data/messages.jsonl'),
    `${[
      { message_id: 'm1', group_id: 'g1', sender_id: 'a', sent_at: '2026-11-02 09:00:00', type: 'text', content: '大家好' },
      { message_id: 'm2', group_id: 'g1', sender_id: 'b', sent_at: '2026-11-03 09:00:00', type: 'text', content: '你好' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  writeFileSync(join(dir, 'notes.txt'), '我的笔记\n');
  writeFileSync(join(dir, '名单.xlsx'), Buffer.from([0x50, 0x4b, 3, 4, 0, 1, 2, 3]));
  return dir;
}

type Snapshot = Map<string, string>;

/** Every file and link under dir (links not followed): path → bytes (base64) or link target. */
function snapshot(dir: string): Snapshot {
  const files: Snapshot = new Map();
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const info = lstatSync(full);
      const key = relative(dir, full);
      if (info.isSymbolicLink()) files.set(key, `link:${readlinkSync(full)}`);
      else if (info.isDirectory()) walk(full);
      else files.set(key, readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return files;
}

function tempLeftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (name.includes('qungui-tmp')) found.push(relative(dir, full));
      if (lstatSync(full).isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}

function expectUnchanged(before: Snapshot, dir: string, except: (path: string) => boolean = () => false) {
  const after = snapshot(dir);
  for (const [path, bytes] of before) if (!except(path)) expect(after.get(path), path).toBe(bytes);
}

const evaluate = (out: string, extra: string[] = []) => ['evaluate', '--policy', 'policies', '--data', 'data', '--month', '2026-11', '--out', out, ...extra];

/** Refused before any work: exit 2, the path and what to do in the chosen language (Chinese, then
 *  with --locale en English), nothing changed. */
async function expectRefused(dir: string, args: string[], zh: string, en: string, cwd = dir) {
  const before = snapshot(dir);
  const run = capture(cwd);
  expect(await main(args, run.io)).toBe(2);
  expect(run.stderr()).toContain(zh);
  expect(run.stderr()).not.toContain(en);
  expect(run.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.stdout()).toBe('');
  const english = capture(cwd);
  expect(await main([...args, '--locale', 'en'], english.io)).toBe(2);
  expect(english.stderr()).toContain(en);
  expect(english.stderr()).not.toMatch(/\p{Script=Han}/u);
  expect(snapshot(dir)).toEqual(before);
  return run.stderr();
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

// Every case runs the CLI (an evaluation of the example month), some twice at once.
describe('evaluate --out: what it refuses', { timeout: 60_000 }, () => {
  test('--out . in a folder holding user files: refused, every file still there byte for byte', async () => {
    const dir = workFolder();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/notes.txt'), '我的笔记\n');
    const args = ['evaluate', '--policy', '../policies', '--data', '../data', '--month', '2026-11', '--out', '.'];
    const message = await expectRefused(dir, args, '不是空文件夹', 'is not empty and is not a qungui output folder', join(dir, 'mine'));
    expect(message).toContain('--out .');
    expect(message).toContain('notes.txt');
  });

  test('refused before any work: a broken policy is not even read', async () => {
    const dir = workFolder(BASE.replace('kind: skill', 'kind: nonsense'));
    const message = await expectRefused(dir, evaluate('notes.txt'), '是一个文件', 'is a file, not a folder');
    expect(message).not.toContain('policy errors');
  });

  test('--out the data folder, a folder inside it, the folder holding it: refused, exports untouched', async () => {
    const dir = workFolder();
    for (const out of ['data', 'data/', './data/../data', 'data/out', 'data/a/b/c']) {
      const message = await expectRefused(dir, evaluate(out), '数据文件夹 data', 'the data folder data');
      expect(message).toContain(`--out ${out} `);
    }
    await expectRefused(dir, evaluate('.'), '包含数据文件夹', 'contains the data folder data');
    // The folder holding the data, empty apart from it: still refused (and with cwd elsewhere).
    const outer = mkdtempSync(join(tmpdir(), 'qungui-out-outer-'));
    mkdirSync(join(outer, 'month'));
    writeFileSync(join(outer, 'month/members.csv'), 'group_id,member_id\n');
    await expectRefused(
      outer,
      ['evaluate', '--policy', join(dir, 'policies'), '--data', 'month', '--month', '2026-11', '--out', '.'],
      '包含数据文件夹 month',
      'contains the data folder month',
    );
    expect(existsSync(join(outer, 'data', 'out'))).toBe(false);
  });

  test('--out a symlink to the data folder (and a path through it): refused', async () => {
    const dir = workFolder();
    symlinkSync(join(dir, 'data'), join(dir, 'exports-link'));
    await expectRefused(dir, evaluate('exports-link'), '就是数据文件夹', 'is the data folder');
    await expectRefused(dir, evaluate('exports-link/out'), '数据文件夹', 'is inside the data folder');
    // The data given through the link, the folder by its own name: the same folder.
    await expectRefused(
      dir,
      ['evaluate', '--policy', 'policies', '--data', 'exports-link/', '--month', '2026-11', '--out', 'data'],
      '就是数据文件夹',
      'is the data folder',
    );
  });

  test('--out the policy folder, the policy file, or a folder around a policy: refused', async () => {
    const dir = workFolder();
    await expectRefused(dir, evaluate('policies'), '就是群规 policies', 'is the policy policies');
    await expectRefused(
      dir,
      ['evaluate', '--policy', 'policies/p.qungui.yaml', '--data', 'data', '--month', '2026-11', '--out', 'policies/p.qungui.yaml'],
      '群规',
      'is the policy',
    );
    mkdirSync(join(dir, 'month'));
    writeFileSync(join(dir, 'month/members.csv'), 'group_id,member_id\n');
    await expectRefused(
      dir,
      ['evaluate', '--policy', 'policies/*.yaml', '--data', 'month', '--month', '2026-11', '--out', 'policies'],
      '包含群规',
      'contains the policy policies/*.yaml',
    );
  });

  test('--out notes.txt (an existing file): refused, the file is not turned into a folder', async () => {
    const dir = workFolder();
    await expectRefused(dir, evaluate('notes.txt'), '是一个文件，不是文件夹', 'is a file, not a folder');
    expect(lstatSync(join(dir, 'notes.txt')).isFile()).toBe(true);
  });

  test('a parent that is a file, a read-only parent: refused before the evaluation runs', async () => {
    const dir = workFolder();
    await expectRefused(dir, evaluate('notes.txt/out'), `${join(dir, 'notes.txt')} 是文件`, 'is a file, not a folder');
    await expectRefused(dir, evaluate('notes.txt/a/b'), '无法创建 --out notes.txt/a/b', 'cannot create --out notes.txt/a/b');
    if (process.getuid?.() === 0) return; // root writes into read-only folders anyway
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    try {
      await expectRefused(dir, evaluate('locked/out'), '没有在', 'no permission to write in');
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  test('a dangling link as --out: refused, the link stays', async () => {
    const dir = workFolder();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    await expectRefused(dir, evaluate('dangling'), '不存在位置的链接', 'a link to a place that does not exist');
  });

  test('a marker that names files outside its folder is not trusted', async () => {
    const dir = workFolder();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', MARKER), JSON.stringify({ tool: 'qungui', format: 1, version: '0.1.0', complete: true, files: ['../notes.txt'] }));
    await expectRefused(dir, evaluate('out'), '无法识别', 'is not one qungui can read');
  });
});

describe('evaluate --out: what it writes', { timeout: 60_000 }, () => {
  test('a new folder gets the outputs and a marker listing them; nothing temporary left', async () => {
    const dir = workFolder();
    const before = snapshot(dir);
    expect(await main(evaluate('out/2026-11'), capture(dir).io)).toBe(0);
    const marker = JSON.parse(readFileSync(join(dir, 'out/2026-11', MARKER), 'utf8'));
    expect(marker).toEqual({
      tool: 'qungui',
      format: 1,
      version: '0.1.0',
      complete: true,
      files: ['findings.csv', 'members.csv', 'rejected.csv', 'report.html', 'report.md', 'result.json', 'summary.md'],
    });
    expect(readdirSync(join(dir, 'out/2026-11')).sort()).toEqual([MARKER, ...marker.files].sort());
    expectUnchanged(before, dir);
    expect(tempLeftovers(dir)).toEqual([]);
  });

  test('an empty folder (also `--out .` in an empty folder) is used', async () => {
    const dir = workFolder();
    mkdirSync(join(dir, 'empty'));
    expect(await main(['evaluate', '--policy', '../policies', '--data', '../data', '--month', '2026-11', '--out', '.'], capture(join(dir, 'empty')).io)).toBe(
      0,
    );
    expect(existsSync(join(dir, 'empty/result.json'))).toBe(true);
  });

  test('a marked folder with a user file: the file is kept byte for byte, listed files replaced, an unlisted one no longer written removed', async () => {
    const dir = workFolder();
    expect(await main(evaluate('out', ['--format', 'xlsx']), capture(dir).io)).toBe(0);
    expect(existsSync(join(dir, 'out/report.xlsx'))).toBe(true);
    const mine = Buffer.from('\uFEFF我的备注, 13800138000\n');
    writeFileSync(join(dir, 'out/备注.csv'), mine);
    mkdirSync(join(dir, 'out/附件'));
    writeFileSync(join(dir, 'out/附件/a.txt'), 'x');
    writeFileSync(join(dir, 'out/report.md'), 'stale');
    expect(await main(evaluate('out', ['--locale', 'en']), capture(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'out/备注.csv')).equals(mine)).toBe(true);
    expect(readFileSync(join(dir, 'out/附件/a.txt'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'out/report.md'), 'utf8')).not.toBe('stale');
    expect(existsSync(join(dir, 'out/report.xlsx'))).toBe(false); // listed before, not written this time
    expect(JSON.parse(readFileSync(join(dir, 'out', MARKER), 'utf8')).files).not.toContain('report.xlsx');
    expect(tempLeftovers(dir)).toEqual([]);
  });

  test('a user file with the name of an output in a marked folder is not replaced', async () => {
    const dir = workFolder();
    expect(await main(evaluate('out'), capture(dir).io)).toBe(0);
    writeFileSync(join(dir, 'out/report.xlsx'), 'mine');
    const before = snapshot(dir);
    const run = capture(dir);
    expect(await main(evaluate('out', ['--format', 'xlsx', '--locale', 'en']), run.io)).toBe(2);
    expect(run.stderr()).toContain('already holds report.xlsx, which qungui did not write');
    expect(snapshot(dir)).toEqual(before);
    expect(tempLeftovers(dir)).toEqual([]);
  });

  test('the lock and staging folder of a killed run (dead pid) are removed by the next run', async () => {
    const dir = workFolder();
    expect(await main(evaluate('out'), capture(dir).io)).toBe(0);
    const pid = deadPid();
    for (const name of ['.qungui-tmp', `.qungui-tmp-${pid}`]) {
      mkdirSync(join(dir, 'out', name, 'files'), { recursive: true });
      writeFileSync(join(dir, 'out', name, 'owner.json'), JSON.stringify({ tool: 'qungui', pid, host: hostname() }));
      writeFileSync(join(dir, 'out', name, 'files/result.json'), '{"half": ');
    }
    expect(await main(evaluate('out'), capture(dir).io)).toBe(0);
    expect(tempLeftovers(dir)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8')).month).toBe('2026-11');
  });

  test('a lock held by a live process: exit 2 naming it, before any work; nothing changed', async () => {
    const dir = workFolder();
    expect(await main(evaluate('out'), capture(dir).io)).toBe(0);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(dir, 'out/.qungui-tmp'));
      writeFileSync(join(dir, 'out/.qungui-tmp/owner.json'), JSON.stringify({ tool: 'qungui', pid: child.pid, host: hostname() }));
      const message = await expectRefused(
        dir,
        evaluate('out'),
        `另一个 qungui 进程（pid ${child.pid}）正在写入`,
        `another qungui run (pid ${child.pid}) is writing into --out out`,
      );
      expect(message).toContain(join('out', '.qungui-tmp'));
    } finally {
      child.kill();
    }
  });

  test("two runs into one folder at once: each exits 0 or 2, and the folder holds one run's files", async () => {
    const dir = workFolder();
    const [zh, en] = [capture(dir), capture(dir)];
    const codes = await Promise.all([main(evaluate('out', ['--locale', 'zh-CN']), zh.io), main(evaluate('out', ['--locale', 'en']), en.io)]);
    for (const code of codes) expect([0, 2]).toContain(code);
    expect(codes).toContain(0);
    for (const [i, run] of [zh, en].entries()) if (codes[i] === 2) expect(run.stderr()).toContain(i === 0 ? '另一个 qungui 进程' : 'another qungui run');
    const english = readFileSync(join(dir, 'out/findings.csv'), 'utf8').includes('Severity');
    expect(readFileSync(join(dir, 'out/members.csv'), 'utf8').includes('Member ID')).toBe(english);
    expect(tempLeftovers(dir)).toEqual([]);
  });
});

describe('render --out and init --out', { timeout: 60_000 }, () => {
  test('render: an existing file needs --force; the policy itself is never replaced; a folder is refused', async () => {
    const dir = workFolder();
    await expectRefused(dir, ['render', 'policies/p.qungui.yaml', '--out', 'notes.txt'], '已存在，未覆盖', 'add --force to replace it');
    await expectRefused(dir, ['render', 'policies/p.qungui.yaml', '--out', 'policies/p.qungui.yaml', '--force'], '就是群规', 'is the policy');
    symlinkSync(join(dir, 'policies/p.qungui.yaml'), join(dir, 'p-link.yaml'));
    await expectRefused(dir, ['render', 'policies/p.qungui.yaml', '--out', 'p-link.yaml', '--force'], '就是群规', 'is the policy');
    await expectRefused(dir, ['render', 'policies/p.qungui.yaml', '--out', 'data'], '是一个文件夹', 'is a folder: give a file name');
    await expectRefused(dir, ['render', 'policies/p.qungui.yaml', '--out', 'notes.txt/r.md'], '是文件', 'is a file, not a folder');
    expect(await main(['render', 'policies/p.qungui.yaml', '--out', 'notes.txt', '--force'], capture(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toContain('测试群');
  });

  test("render: a new file in a new folder, whole; a dead run's temp file removed", async () => {
    const dir = workFolder();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, `docs/.r.md.qungui-tmp-${deadPid()}`), 'half');
    expect(await main(['render', 'policies/p.qungui.yaml', '--out', 'docs/r.md'], capture(dir).io)).toBe(0);
    expect(await main(['render', 'policies/p.qungui.yaml', '--out', 'new/r.md'], capture(dir).io)).toBe(0);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['r.md']);
    expect(readFileSync(join(dir, 'new/r.md'), 'utf8')).toBe(readFileSync(join(dir, 'docs/r.md'), 'utf8'));
  });

  test('init: an existing file is kept without --force and replaced with it', async () => {
    const dir = workFolder();
    const args = ['init', '--yes', '--kind', 'skill', '--name', '甲', '--out', 'notes.txt'];
    await expectRefused(dir, args, 'notes.txt 已存在，未覆盖', 'notes.txt exists and was not overwritten; add --force');
    await expectRefused(dir, ['init', '--yes', '--kind', 'skill', '--name', '甲', '--out', 'data', '--force'], '是一个文件夹', 'is a folder');
    expect(await main([...args, '--force'], capture(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toContain('kind: skill');
    expect(tempLeftovers(dir)).toEqual([]);
  });

  test('help texts name --force and the exit codes', async () => {
    for (const command of ['evaluate', 'render', 'init']) {
      const run = capture(tmpdir());
      expect(await main([command, '--help'], run.io)).toBe(0);
      expect(run.stdout()).toContain('退出码 / exit');
      if (command !== 'evaluate') expect(run.stdout()).toContain('--force');
    }
  });
});

describe('property: whatever --out is, what qungui did not write stays', () => {
  const OUT_CHOICES = [
    '.',
    './',
    '..',
    'data',
    'data/',
    'data/sub',
    'a/../data',
    'policies',
    'policies/new',
    'policies/p.qungui.yaml',
    'notes.txt',
    'notes.txt/x',
    'link-data',
    'link-data/x',
    'link-policies',
    'link-notes',
    'dangling',
    'a',
    'a/b',
    'a/b/c/d',
    'marked',
    'marked/',
    'link-marked',
    'new',
    'new/deep/er',
    'empty',
    'DATA',
  ];
  const place = fc.constantFrom('.', 'a', 'a/b', 'data', 'policies', 'marked', 'empty');
  const userFile = fc.record({
    dir: place,
    name: fc.constantFrom('x.txt', 'result.json', 'report.md', '名单.csv', '.hidden', 'members.csv'),
    bytes: fc.uint8Array({ maxLength: 16 }),
  });

  test('every file qungui did not write is byte-identical and still there; exit 0 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(userFile, { maxLength: 6 }),
        fc.constantFrom(...OUT_CHOICES),
        fc.constantFrom('data', 'link-data', './data/'),
        fc.constantFrom('policies', 'policies/p.qungui.yaml', 'link-policies'),
        fc.constantFrom('.', 'a'),
        async (files, out, data, policy, cwdName) => {
          const root = workFolder();
          for (const dir of ['a/b', 'marked', 'empty']) mkdirSync(join(root, dir), { recursive: true });
          writeFileSync(
            join(root, 'marked', MARKER),
            JSON.stringify({ tool: 'qungui', format: 1, version: '0.1.0', complete: true, files: ['result.json', 'report.md', 'old.csv'] }),
          );
          writeFileSync(join(root, 'marked/result.json'), '{}');
          writeFileSync(join(root, 'marked/old.csv'), 'old');
          symlinkSync(join(root, 'data'), join(root, 'link-data'));
          symlinkSync(join(root, 'policies'), join(root, 'link-policies'));
          symlinkSync(join(root, 'notes.txt'), join(root, 'link-notes'));
          symlinkSync(join(root, 'marked'), join(root, 'link-marked'));
          symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
          for (const f of files) {
            const path = join(root, f.dir, f.name);
            if (
              !(f.dir === 'marked' && ['result.json', 'report.md'].includes(f.name)) &&
              !(f.dir === 'data' && f.name === 'members.csv') &&
              !(f.dir === 'policies')
            )
              writeFileSync(path, f.bytes);
          }
          const listed = (path: string) => path === join('marked', MARKER) || ['result.json', 'report.md', 'old.csv'].some((n) => path === join('marked', n));
          const before = snapshot(root);
          const cwd = join(root, cwdName);
          const rel = (p: string) => relative(cwd, join(root, p)) || '.';
          const outArg = cwdName === '.' ? out : out === '.' || out === './' ? out : rel(out.replace(/\/$/, '')) + (out.endsWith('/') ? '/' : '');
          const run = capture(cwd);
          const code = await main(['evaluate', '--policy', rel(policy), '--data', rel(data), '--month', '2026-11', '--out', outArg], run.io);
          expect([0, 2], `${outArg}: ${run.stderr()}`).toContain(code);
          expectUnchanged(before, root, listed);
          expect(tempLeftovers(root)).toEqual([]);
          if (code === 2) expect(run.stderr()).toMatch(/--out|another qungui run/);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
