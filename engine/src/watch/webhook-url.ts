// A group robot's webhook URL holds its key, the only credential: logs and errors show it masked,
// and the state names the robot by a hash of the URL, never by the URL.
import { createHash } from 'node:crypto';

/** Any `key=…` in a text (an argument echoed back, a URL that does not parse) with its key masked. */
export function maskedKeys(text: string): string {
  return text.replace(/(key=)([^&\s'"]{0,4})[^&\s'"]*/gi, '$1$2****');
}

/** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…(masked) — the host, the path and the key's first 4 characters. */
export function maskedWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskedKeys(url);
  }
  const key = parsed.searchParams.get('key');
  const query = key === null ? '' : `?key=${key.slice(0, 4)}****`;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}

export function robotKey(url: string): string {
  return `robot:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/** Why `url` cannot be a robot's webhook, or undefined when it can: https only (http only to this
 *  machine, for a local stand-in), and a key (the robot's address without it reaches no robot). */
export function webhookProblem(url: string): 'not-a-url' | 'not-https' | 'no-key' | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-a-url';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'not-a-url';
  if (parsed.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return 'not-https';
  if (!parsed.searchParams.get('key')) return 'no-key';
  return undefined;
}
