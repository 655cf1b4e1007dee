// A group robot's webhook URL holds its key, the only credential: logs and errors show it masked,
// and the state names the robot by a hash of the URL, never by the URL.
import { createHash } from 'node:crypto';

/** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…(masked) — the host, the path and the key's first 4 characters. */
export function maskedWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(webhook)';
  }
  const key = parsed.searchParams.get('key');
  const query = key === null ? '' : `?key=${key.slice(0, 4)}****`;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}

export function robotKey(url: string): string {
  return `robot:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}
