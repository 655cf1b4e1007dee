// A WeCom group robot: POST {"msgtype":"markdown","markdown":{"content":…}} to its webhook. At most
// `robotPerWindow` messages in any `robotWindowMs` (20 a minute), paced one every 3 s; what waits
// meanwhile is merged into the next message (robot-markdown.ts). Success is errcode 0; anything else is a failure the watcher
// retries: 45009 (over the rate) waits for the window, 93000 (invalid key) is said plainly.
import type { Locale } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';
import type { Alert } from './alert.js';
import type { DeliveryResult, DeliveryTarget } from './delivery-target.js';
import { nextRobotMessage } from './robot-markdown.js';
import type { Timing } from './timing.js';
import { maskedWebhookUrl, robotKey } from './webhook-url.js';

const RATE_LIMITED = 45009;
const INVALID_KEY = 93000;
/** A robot that does not answer within this time counts as a network failure. */
const REQUEST_TIMEOUT_MS = 15_000;

export class RobotTarget implements DeliveryTarget {
  readonly key: string;
  readonly label: string;
  readonly batch = 200;
  /** When each of the latest messages was sent (the sliding rate window). */
  private readonly sent: number[] = [];
  onSend?: () => void;
  /** The robot said 45009: nothing more until then. */
  private quietUntil = 0;

  constructor(
    private readonly url: string,
    private readonly locale: Locale,
    private readonly time: Timing,
  ) {
    this.key = robotKey(url);
    this.label = maskedWebhookUrl(url);
  }

  sentTimes(): number[] {
    return [...this.sent];
  }

  /** The sends of the last run (from the state): a restart right after 20 messages waits like a running watcher. */
  rememberSent(times: readonly number[]): void {
    this.sent.splice(0, this.sent.length, ...times.filter((t) => Number.isFinite(t)).slice(-this.time.robotPerWindow));
  }

  ready(signal: AbortSignal): Promise<void> {
    return this.slot(signal);
  }

  async deliver(pending: readonly Alert[], signal: AbortSignal): Promise<DeliveryResult> {
    await this.slot(signal);
    if (signal.aborted) return { delivered: 0 };
    const { content, taken } = nextRobotMessage(pending, this.locale);
    this.sent.push(this.time.now());
    this.onSend?.();
    let answer: { errcode?: unknown; errmsg?: unknown };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) return { failed: localized('机器人返回 HTTP {status}', 'the robot answered HTTP {status}', { status: response.status }) };
      answer = JSON.parse(text) as typeof answer;
    } catch (error) {
      // The error's code, else its cause's words, never the key (a failed fetch may quote the URL).
      const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
      const key = new URL(this.url).searchParams.get('key');
      let reason = (cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).name).slice(0, 120);
      if (key) reason = reason.replaceAll(key, '****');
      return { failed: localized('网络错误（{reason}）', 'network failure ({reason})', { reason }) };
    }
    const errcode = Number(answer.errcode);
    if (errcode === 0) return { delivered: taken };
    const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : '';
    if (errcode === RATE_LIMITED) {
      this.quietUntil = this.time.now() + this.time.robotWindowMs / this.time.robotPerWindow;
      return {
        failed: localized('超过机器人的发送频率（errcode 45009），稍后重发', "over the robot's rate limit (errcode 45009): sending again later"),
        rateLimited: true,
      };
    }
    if (errcode === INVALID_KEY)
      return {
        failed: localized(
          '机器人的 key 无效（errcode 93000）：请在群机器人设置中复制新的 webhook 地址，用 --webhook 重新启动；告警保留在状态文件中，不会丢失',
          "the robot's key is invalid (errcode 93000): copy the webhook address again from the group robot's settings and restart with it; the alerts are kept in the state file, none is lost",
        ),
        permanent: true,
      };
    return {
      failed: localized('机器人返回 errcode {errcode}：{errmsg}', 'the robot answered errcode {errcode}: {errmsg}', {
        errcode: String(answer.errcode),
        errmsg,
      }),
    };
  }

  /** Waits until a message may be sent without passing the robot's limit. */
  private async slot(signal: AbortSignal): Promise<void> {
    // The robot counts by arrival, which lags the send by a varying network time: a slot is taken
    // as freed a little after the window, so the robot never sees one message too many.
    const window = this.time.robotWindowMs * (1 + 1 / 30);
    // Sends are paced evenly (one every window/20, 3.1 s), not 20 at once and then a silent minute:
    // the first alert goes at once, later ones wait at most one spacing, merged with what came meanwhile.
    const spacing = window / this.time.robotPerWindow;
    for (;;) {
      const now = this.time.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - window) this.sent.shift();
      const last = this.sent.at(-1);
      const wait = Math.max(
        this.quietUntil - now,
        last === undefined ? 0 : last + spacing - now,
        this.sent.length >= this.time.robotPerWindow ? this.sent[0]! + window - now : 0,
      );
      if (wait <= 0 || signal.aborted) return;
      await this.time.sleep(wait, signal);
    }
  }
}
