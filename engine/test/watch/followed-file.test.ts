import { appendFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FollowedFile } from '../../src/watch/followed-file.js';

function file(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'qungui-follow-')), 'messages.jsonl');
  writeFileSync(path, text);
  return { path, source: { table: 'messages' as const, file: 'messages.jsonl', format: 'jsonl' as const, path, display: 'messages.jsonl' } };
}

describe('a followed file', () => {
  it('gives whole lines only, numbered, without BOM or CR; a line being written waits', () => {
    const { path, source } = file('\uFEFFone\r\ntwo\nthr');
    const followed = FollowedFile.begin(source, 'start');
    expect(followed.readLines(1 << 20, 1 << 20)).toEqual({ lines: ['one', 'two'], firstLine: 1, tooLong: [] });
    expect(followed.readLines(1 << 20, 1 << 20)).toBeUndefined();
    appendFileSync(path, 'ee\nfour\n');
    expect(followed.readLines(1 << 20, 1 << 20)).toEqual({ lines: ['three', 'four'], firstLine: 3, tooLong: [] });
  });

  it('from the end reads only what is appended, still numbering lines from the file start', () => {
    const { path, source } = file('a\nb\n');
    const followed = FollowedFile.begin(source, 'end');
    appendFileSync(path, 'c\n');
    expect(followed.readLines(1 << 20, 1 << 20)).toEqual({ lines: ['c'], firstLine: 3, tooLong: [] });
  });

  it('skips a line longer than the limit and names it', () => {
    const { source } = file(`short\n${'x'.repeat(5000)}\nafter\n`);
    const followed = FollowedFile.begin(source, 'start');
    const lines: string[] = [];
    const tooLong: number[] = [];
    for (let read = followed.readLines(64, 1000); read; read = followed.readLines(64, 1000)) {
      lines.push(...read.lines);
      tooLong.push(...read.tooLong);
    }
    expect(lines).toEqual(['short', 'after']);
    expect(tooLong).toEqual([2]);
  });

  it('tells truncation and rewriting from growth, and resumes only the same file', () => {
    const { path, source } = file('first line\nsecond\n');
    const followed = FollowedFile.begin(source, 'start');
    followed.readLines(1 << 20, 1 << 20);
    appendFileSync(path, 'third\n');
    expect(followed.restartIfTruncated()).toBe(false);
    writeFileSync(path, 'other\n');
    expect(followed.restartIfTruncated()).toBe(true);
    expect(followed.readLines(1 << 20, 1 << 20)?.lines).toEqual(['other']);
    const saved = { ...followed.state };
    expect(FollowedFile.resume(source, saved)?.state.position).toBe(saved.position);
    writeFileSync(path, 'rewritten\n');
    // The same inode rewritten: resumed, but from its start.
    const again = FollowedFile.resume(source, { ...saved });
    expect(again?.state.position).toBe(0);
    expect(again?.rewound).toBe(true);
    // Another file at the path: not this one.
    writeFileSync(`${path}.new`, 'rewritten\n');
    renameSync(`${path}.new`, path);
    expect(FollowedFile.resume(source, saved)).toBeUndefined();
  });
});
