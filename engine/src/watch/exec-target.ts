// `--exec CMD`: each alert's JSON on the standard input of a command run by the shell (a mail or SMS
// gateway, a ticket system). Exit status 0 acknowledges it; anything else is retried. The command's
// own output goes to stderr: stdout carries the alerts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { localized } from '../i18n/localized-text.js';
import type { Alert } from './alert.js';
import type { DeliveryResult, DeliveryTarget } from './delivery-target.js';

export class ExecTarget implements DeliveryTarget {
  readonly key: string;
  readonly label: string;
  readonly batch = 1;

  constructor(
    private readonly command: string,
    private readonly writeErr: (text: string) => void,
    /** A command still running after this long is killed and the alert retried. */
    private readonly timeoutMs = 60_000,
  ) {
    this.key = `exec:${createHash('sha256').update(command).digest('hex').slice(0, 16)}`;
    // The program only: the rest of a command line may carry a token.
    this.label = `--exec ${command.trim().split(/\s+/)[0] ?? ''} …`;
  }

  deliver(pending: readonly Alert[]): Promise<DeliveryResult> {
    const alert = pending[0]!;
    return new Promise((resolve) => {
      // Its own process group: a hung pipeline (`… | mail`) is killed whole, not only the shell, whose
      // children would keep the output pipes open and the target waiting.
      const child = spawn(this.command, { shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL'); // the group is gone already, or no groups here
        }
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => this.writeErr(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => this.writeErr(chunk.toString()));
      // A command that does not read its input must not fail the write.
      child.stdin.on('error', () => {});
      child.stdin.end(`${JSON.stringify(alert)}\n`);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ failed: localized('无法运行命令：{reason}', 'cannot run the command: {reason}', { reason: error.message }) });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve({ delivered: 1 });
        else
          resolve({
            failed:
              signal !== null
                ? localized('命令被信号 {signal} 终止', 'the command was ended by signal {signal}', { signal })
                : localized('命令以 {code} 退出', 'the command exited with {code}', { code: String(code) }),
          });
      });
    });
  }
}
