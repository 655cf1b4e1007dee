// The page's actions, one at a time, each only on the text the form it came from was drawn on. An
// action names things by position (rating 2, band 1, the chip at index 0) and a quick fix by its index
// in the list drawn with the form: taken on a text that changed since — the action before it already
// removed that row, a band was deleted in the text editor beside — it would hit a neighbour. Each
// action carries the stamp of the form it came from and is refused, and the form drawn again, when the
// text is no longer that one. Pure (no vscode), so the order and the refusals are unit-tested.

/** What a page action names as its form: the document version it was drawn from; for a quick fix, also the draw. */
export interface FormStamp {
  version: number;
  draw?: number;
}

/** An action's stamp against the text now: same version, and same draw where the action names one. */
export function sameForm(stamp: FormStamp, now: FormStamp): boolean {
  return stamp.version === now.version && (stamp.draw === undefined || stamp.draw === now.draw);
}

export class ActionQueue<Stamp> {
  private tail: Promise<void> = Promise.resolve();

  /**
   * @param current the stamp of the text now (the document's version; for fixes, with the draw they came from)
   * @param stale called instead of an action whose stamp is not current
   * @param failed called with what an action threw
   */
  constructor(
    private readonly current: () => Stamp,
    private readonly stale: () => void,
    private readonly failed: (error: unknown) => void,
    private readonly same: (a: Stamp, b: Stamp) => boolean = Object.is,
  ) {}

  /** Queues `job` after the actions before it; it runs only if `stamp` is still current when its turn comes. */
  run(stamp: Stamp, job: () => Promise<void> | void, after?: () => void): Promise<void> {
    this.tail = this.tail
      .then(async () => {
        if (!this.same(stamp, this.current())) return this.stale();
        await job();
      })
      .catch((error: unknown) => this.failed(error))
      .finally(() => after?.());
    return this.tail;
  }
}
