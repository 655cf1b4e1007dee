// A stand-in for a WeCom group robot's webhook on 127.0.0.1: answers each POST as the script says —
// errcode 0 (delivered), 45009 (over the rate), 93000 (invalid key) or a dropped connection — and
// records what it was sent and when, so tests can check what arrived.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RobotAnswer = 'ok' | 'rate-limited' | 'invalid-key' | 'drop';

export interface RobotRequest {
  /** performance.now() when the request arrived and when it was answered (or dropped). */
  arrivedAt: number;
  answeredAt: number;
  answer: RobotAnswer;
  content: string;
  bytes: number;
}

export interface RobotServer {
  url: string;
  requests: RobotRequest[];
  /** The markdown of the messages answered with errcode 0. */
  delivered(): string[];
  close(): Promise<void>;
}

/** `script(n)` answers the n-th request (0-based). */
export async function robotServer(script: (n: number) => RobotAnswer = () => 'ok'): Promise<RobotServer> {
  const requests: RobotRequest[] = [];
  let count = 0;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let content = '';
      try {
        content = (JSON.parse(body) as { markdown?: { content?: string } }).markdown?.content ?? '';
      } catch {
        content = '';
      }
      const answer = script(count++);
      const record = (answeredAt: number) => requests.push({ arrivedAt, answeredAt, answer, content, bytes: Buffer.byteLength(content) });
      if (answer === 'drop') {
        record(performance.now());
        request.socket.destroy();
        return;
      }
      const errcode = answer === 'ok' ? 0 : answer === 'rate-limited' ? 45009 : 93000;
      const errmsg = answer === 'ok' ? 'ok' : answer === 'rate-limited' ? 'api freq out of limit' : 'invalid webhook url';
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errcode, errmsg }), () => record(performance.now()));
    });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    requests,
    delivered: () => requests.filter((r) => r.answer === 'ok').map((r) => r.content),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests that arrived within any `windowMs`. */
export function busiestWindow(requests: readonly RobotRequest[], windowMs: number): number {
  const sorted = requests.map((r) => r.arrivedAt).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
