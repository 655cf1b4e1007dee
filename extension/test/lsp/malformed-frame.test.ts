// A bad frame on stdin never leaves the server alive but deaf: it exits with a message on stderr (no
// stack trace), so the editor restarts it. Each case is a frame an editor or a proxy could garble.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverPath } from './lsp-client.js';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

function run(input: string, { waitMs = 5000 } = {}): Promise<{ code: number | null | 'alive'; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdin.on('error', () => undefined); // the server may be gone before the last write
  child.stdin.write(input);
  // A well-formed request after the bad frame: a deaf server would swallow it and stay up.
  setTimeout(() => {
    if (child.exitCode === null) child.stdin.write(initialize);
  }, 100);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: 'alive', stdout, stderr });
    }, waitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('malformed frames on stdio', () => {
  it.each([
    ['a length that is not a number', 'Content-Length: abc\r\n\r\n{}', 'Content-Length value must be a number. Got abc'],
    ['a negative length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}', 'malformed message from the editor'],
    ['a length over 64 MB', 'Content-Length: 99999999999\r\n\r\n{}', 'Content-Length 99999999999'],
    ['no blank line after the header', 'Content-Length: 2\r\n{}', 'malformed message from the editor'],
    ['no header at all', 'hello world\r\n\r\n', "Message header must separate key and value using ':'"],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{abc}', 'malformed message from the editor'],
  ])('%s: exits 1, says why in both languages, no stack trace', async (_name, input, reason) => {
    const { code, stderr } = await run(input);
    expect(code).toBe(1);
    expect(stderr).toContain('编辑器发来的消息格式不对');
    expect(stderr).toContain(reason);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a body shorter than its length: exits when it has not come within 10 s', async () => {
    const { code, stderr } = await run('Content-Length: 5000\r\n\r\n{"jsonrpc":', { waitMs: 20_000 });
    expect(code).toBe(1);
    expect(stderr).toContain('no body after 10 s');
  }, 30_000);

  it('answers a well-formed request, and exits 0 when the editor closes stdin', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        if (String(d).includes('"id":1')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.write(initialize);
    await answered;
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
