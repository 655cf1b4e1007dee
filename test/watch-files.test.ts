// The files `qungui watch` follows change under it: a file rotated (renamed, a new one in its place,
// the old one still written to for a moment), truncated and rewritten, renamed while the watcher was
// stopped, a new file matching the bundle's glob, a malformed line. Alerts (stdout, one JSON line
// each) come for every new message once, and only once.
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { append, messageLine, startWatch, until, watchBundle, type RunningWatch } from './helpers/watch-bundle.js';

let running: RunningWatch | undefined;
afterEach(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  running = undefined;
});

function alertedMessages(watch: RunningWatch): string[] {
  return watch
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { messageId: string }).messageId);
}

const ids = (...numbers: number[]) => numbers.map((n) => `msg-W${String(n).padStart(4, '0')}`);

describe('qungui watch follows files as they change', () => {
  it('reads a rotated file to its end, a truncated one again (alerting only new messages), and a new file', async () => {
    const bundle = watchBundle();
    append(bundle.messages, messageLine(1)); // before the first start: not alerted (starts at the end)
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(2) + messageLine(3));
    await until(() => alertedMessages(running!).length === 2, 'the appended messages');

    // Rotation: renamed, a new file at the name, the writer still appending to the old one.
    renameSync(bundle.messages, `${bundle.messages}.1`);
    writeFileSync(bundle.messages, messageLine(5));
    appendFileSync(`${bundle.messages}.1`, messageLine(4));
    await until(() => alertedMessages(running!).length === 4, 'the rotated file and the new one');

    // Truncated and rewritten: an old message again (not alerted twice) and new ones.
    writeFileSync(bundle.messages, messageLine(6) + messageLine(5) + messageLine(7));
    await until(() => alertedMessages(running!).length === 6, 'the rewritten file');
    expect(running.stderr()).toMatch(/truncated or rewritten/);
    expect(alertedMessages(running).sort()).toEqual(ids(2, 3, 4, 5, 6, 7));
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stderr()).toMatch(/stopped, state saved/);
  }, 60_000);

  it('a file rewritten in place with the same first lines and a line inserted is read again, only the new message alerted', async () => {
    const bundle = watchBundle();
    const lines = Array.from({ length: 20 }, (_, i) => messageLine(i + 1));
    append(bundle.messages, lines.join(''));
    running = startWatch(bundle, ['--from-start']);
    await until(() => alertedMessages(running!).length === 20, 'the twenty messages');
    // O_TRUNC and one write: the new file has the old first lines, a new one at 15, and grew by a line.
    const rewritten = [...lines.slice(0, 14), messageLine(100), ...lines.slice(14)].join('');
    const fd = openSync(bundle.messages, 'w');
    writeSync(fd, rewritten);
    closeSync(fd);
    await until(() => alertedMessages(running!).length === 21, 'the inserted message');
    await running.waitFor(/truncated or rewritten/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alertedMessages(running).sort()).toEqual([...ids(...Array.from({ length: 20 }, (_, i) => i + 1)), 'msg-W0100'].sort());
    expect(running.stderr()).not.toMatch(/not a valid message/);
  }, 60_000);

  it('a file replaced or rewritten while stopped is said so and read from its start', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1) + messageLine(2));
    await until(() => alertedMessages(running!).length === 2, 'the first messages');
    running.child.kill('SIGTERM');
    await running.exited;
    // Rewritten in place (same inode, same first line, a new second one).
    const fd = openSync(bundle.messages, 'w');
    writeSync(fd, messageLine(1) + messageLine(3) + messageLine(2));
    closeSync(fd);
    running = startWatch(bundle);
    await until(() => alertedMessages(running!).length === 1, 'the message inserted while stopped');
    expect(alertedMessages(running)).toEqual(ids(3));
    expect(running.stderr()).toMatch(/rewritten while the watcher was stopped/);
    running.child.kill('SIGTERM');
    await running.exited;
    // Replaced (another file renamed over the path: another inode, for certain).
    writeFileSync(`${bundle.messages}.new`, messageLine(4));
    renameSync(`${bundle.messages}.new`, bundle.messages);
    running = startWatch(bundle);
    await until(() => alertedMessages(running!).length === 1, 'the replacing file');
    expect(alertedMessages(running)).toEqual(ids(4));
    expect(running.stderr()).toMatch(/was replaced by another file while the watcher was stopped/);
    expect(running.stderr()).not.toMatch(/no longer in the bundle folder/);
  }, 60_000);

  it('checks a last line without its newline after a quiet while, and when its file is rotated away', async () => {
    const bundle = watchBundle();
    append(bundle.messages, messageLine(1) + messageLine(2).trimEnd());
    running = startWatch(bundle, ['--from-start']);
    await until(() => alertedMessages(running!).length === 2, 'the last line without a newline', 10_000);
    // Its newline comes later: the line is read again, not alerted again.
    append(bundle.messages, '\n');
    // A line left unfinished, then the file rotated away: read as its last line.
    append(bundle.messages, messageLine(3).trimEnd());
    renameSync(bundle.messages, `${bundle.messages}.1`);
    writeFileSync(bundle.messages, messageLine(4));
    await until(() => alertedMessages(running!).length === 4, 'the rotated file’s unfinished line and the new file', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(alertedMessages(running).sort()).toEqual(ids(1, 2, 3, 4));
    expect(running.stderr()).not.toMatch(/not a valid message/);
  }, 60_000);

  it('after a stop, reads on where it stopped, also in a file renamed meanwhile', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1));
    await until(() => alertedMessages(running!).length === 1, 'the first message');
    running.child.kill('SIGTERM');
    await running.exited;
    // While stopped: more lines, then the file rotated away and a new one started.
    append(bundle.messages, messageLine(2));
    renameSync(bundle.messages, `${bundle.messages}.1`);
    writeFileSync(bundle.messages, messageLine(3));
    running = startWatch(bundle);
    await until(() => alertedMessages(running!).length === 2, 'what came while stopped');
    expect(alertedMessages(running).sort()).toEqual(ids(2, 3));
  }, 60_000);

  it('follows new files that match the bundle’s glob, and reports a malformed line once without stopping', async () => {
    const bundle = watchBundle();
    writeFileSync(join(bundle.data, 'bundle.yaml'), 'tables:\n  members: members.csv\n  messages: { file: "archive/*.jsonl", format: jsonl }\n');
    mkdirSync(join(bundle.data, 'archive'));
    writeFileSync(join(bundle.data, 'archive', '2026-10-20.jsonl'), '');
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(join(bundle.data, 'archive', '2026-10-20.jsonl'), `${messageLine(1)}{"message_id": broken\n${messageLine(2)}`);
    writeFileSync(join(bundle.data, 'archive', '2026-10-21.jsonl'), messageLine(3));
    await until(() => alertedMessages(running!).length === 3, 'both files');
    expect(alertedMessages(running).sort()).toEqual(ids(1, 2, 3));
    expect(running.stderr().match(/line 2 is not a valid message/g)).toHaveLength(1);
    expect(running.stderr()).toContain('archive/2026-10-20.jsonl');
    running.child.kill('SIGTERM');
    await running.exited;
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { counters: { malformed: number; messages: number } };
    expect(state.counters).toMatchObject({ malformed: 1, messages: 3 });
  }, 60_000);

  it('a file rotated to a name its glob also matches is read on, not read again', async () => {
    const bundle = watchBundle();
    writeFileSync(join(bundle.data, 'bundle.yaml'), 'tables:\n  members: members.csv\n  messages: { file: "messages*.jsonl", format: jsonl }\n');
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1) + messageLine(2));
    await until(() => alertedMessages(running!).length === 2, 'the first messages');
    renameSync(bundle.messages, join(bundle.data, 'messages-1.jsonl'));
    appendFileSync(join(bundle.data, 'messages-1.jsonl'), messageLine(3));
    writeFileSync(bundle.messages, messageLine(4));
    await until(() => alertedMessages(running!).length === 4, 'the rotated and the new file');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a rescan or two later
    appendFileSync(join(bundle.data, 'messages-1.jsonl'), messageLine(5));
    await until(() => alertedMessages(running!).length === 5, 'a late line of the rotated file');
    expect(alertedMessages(running).sort()).toEqual(ids(1, 2, 3, 4, 5));
    running.child.kill('SIGTERM');
    await running.exited;
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { counters: { messages: number } };
    expect(state.counters.messages).toBe(5); // no line read twice
  }, 60_000);

  it('waits for the first message file of a bundle that has none yet', async () => {
    const bundle = watchBundle();
    rmSync(bundle.messages);
    running = startWatch(bundle);
    await running.waitFor(/no message file to follow yet/);
    await running.waitFor(/Caught up/);
    writeFileSync(bundle.messages, messageLine(1));
    await until(() => alertedMessages(running!).length === 1, 'the first file');
    expect(alertedMessages(running)).toEqual(ids(1));
  }, 30_000);
});
