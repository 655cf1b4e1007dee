// The content hits of one pass, kept as bytes off the heap until the rules read them back. Hits are
// the one thing the pass keeps that grows with the month: as objects (13 fields, a copy of the match,
// the excerpt and the matched text) they filled the old generation, and the heap's headroom grew with
// them. Encoded they take a fraction of that (group, sender, type, exemption and the rule that matched
// as indexes; the id, the matched text and the excerpt as UTF-16, which is exact for any string and
// smaller than UTF-8 for Chinese), in shared chunks that V8 does not count as its external memory
// (see message-id-set.ts).
//
// Reading gives new Hit objects in the order they were added, so a message's hits come together
// (`byMessage`): the rules that gather hits per message hold one message's hits at a time.
import type { MessageType } from '../../data/bundle-types.js';
import type { Hit, HitMatch } from './hit.js';

const CHUNK_BYTES = 1 << 20;
const FORWARDED = 1;
const RECALLED = 2;
const CONFIDENTIAL = 4;
const VIOLATION = 8;
const EXEMPT = 16;
/** sentAt (f64), group, sender, type, site, exemption (u32 each), flags (u8), three string lengths (u32). */
const FIXED_BYTES = 8 + 5 * 4 + 1 + 3 * 4;

/** Which hits to decode: those of one clause, forwarded ones, confidential ones (all given must hold). */
export interface HitFilter {
  clause?: string;
  forwarded?: boolean;
  confidential?: boolean;
}

/** Values by index, each kept once under its key. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  /** The index of the value kept under `key`; `make` is called only for a new key. */
  of(key: string, make: () => T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(make());
      this.index.set(key, i);
    }
    return i;
  }
}

export class HitLog implements Iterable<Hit> {
  private readonly chunks: Buffer[] = [];
  /** Bytes used in each chunk. */
  private readonly used: number[] = [];
  private count = 0;
  /** Group, sender and exemption ids and message types: a few thousand in a month. */
  private readonly strings = new Interned<string>();
  /** What a match says about the rule that matched, the same for every match of that rule. */
  private readonly sites = new Interned<Omit<HitMatch, 'text'>>();

  get length(): number {
    return this.count;
  }

  /** Bytes held (for tests). */
  get bytes(): number {
    return this.used.reduce((n, used) => n + used, 0);
  }

  add(hit: Hit): void {
    const { match } = hit;
    const string = (text: string) => this.strings.of(text, () => text);
    const site = this.sites.of(`${match.categoryId}\u0000${match.kind}\u0000${match.ruleIndex}\u0000${match.rule}`, () => ({
      categoryId: match.categoryId,
      clause: match.clause,
      severity: match.severity,
      kind: match.kind,
      rule: match.rule,
      ruleIndex: match.ruleIndex,
    }));
    const flags =
      (hit.forwarded ? FORWARDED : 0) |
      (hit.recalled ? RECALLED : 0) |
      (hit.confidential ? CONFIDENTIAL : 0) |
      (hit.violation ? VIOLATION : 0) |
      (hit.exemptionId !== undefined ? EXEMPT : 0);
    const idBytes = hit.messageId.length * 2;
    const textBytes = match.text.length * 2;
    const excerptBytes = hit.excerpt.length * 2;
    const size = FIXED_BYTES + idBytes + textBytes + excerptBytes;
    let last = this.chunks.length - 1;
    if (last < 0 || this.used[last]! + size > this.chunks[last]!.length) {
      this.chunks.push(Buffer.from(new SharedArrayBuffer(Math.max(CHUNK_BYTES, size))));
      this.used.push(0);
      last++;
    }
    const chunk = this.chunks[last]!;
    let at = this.used[last]!;
    at = chunk.writeDoubleLE(hit.sentAt, at);
    at = chunk.writeUInt32LE(string(hit.groupId), at);
    at = chunk.writeUInt32LE(string(hit.senderId), at);
    at = chunk.writeUInt32LE(string(hit.type), at);
    at = chunk.writeUInt32LE(site, at);
    at = chunk.writeUInt32LE(hit.exemptionId !== undefined ? string(hit.exemptionId) : 0, at);
    at = chunk.writeUInt8(flags, at);
    at = chunk.writeUInt32LE(idBytes, at);
    at = chunk.writeUInt32LE(textBytes, at);
    at = chunk.writeUInt32LE(excerptBytes, at);
    at += chunk.write(hit.messageId, at, 'utf16le');
    at += chunk.write(match.text, at, 'utf16le');
    at += chunk.write(hit.excerpt, at, 'utf16le');
    this.used[last] = at;
    this.count++;
  }

  [Symbol.iterator](): Iterator<Hit> {
    return this.read({});
  }

  /** The hits again, a message's hits at a time (they were added message by message); only those
   *  `filter` keeps are decoded. */
  *byMessage(filter: HitFilter = {}): Generator<Hit[]> {
    let run: Hit[] = [];
    for (const hit of this.read(filter)) {
      if (run.length > 0 && (hit.messageId !== run[0]!.messageId || hit.groupId !== run[0]!.groupId)) {
        yield run;
        run = [];
      }
      run.push(hit);
    }
    if (run.length > 0) yield run;
  }

  private *read(filter: HitFilter): Generator<Hit> {
    const strings = this.strings.values;
    const sites = this.sites.values;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const end = this.used[c]!;
      let at = 0;
      while (at < end) {
        const sentAt = chunk.readDoubleLE(at);
        const groupId = strings[chunk.readUInt32LE(at + 8)]!;
        const senderId = strings[chunk.readUInt32LE(at + 12)]!;
        const type = strings[chunk.readUInt32LE(at + 16)] as MessageType;
        const site = sites[chunk.readUInt32LE(at + 20)]!;
        const exemption = chunk.readUInt32LE(at + 24);
        const flags = chunk.readUInt8(at + 28);
        const idBytes = chunk.readUInt32LE(at + 29);
        const textBytes = chunk.readUInt32LE(at + 33);
        const excerptBytes = chunk.readUInt32LE(at + 37);
        at += FIXED_BYTES;
        if (
          (filter.clause !== undefined && site.clause !== filter.clause) ||
          (filter.forwarded && !(flags & FORWARDED)) ||
          (filter.confidential && !(flags & CONFIDENTIAL))
        ) {
          at += idBytes + textBytes + excerptBytes;
          continue;
        }
        const messageId = chunk.toString('utf16le', at, (at += idBytes));
        const text = chunk.toString('utf16le', at, (at += textBytes));
        const excerpt = chunk.toString('utf16le', at, (at += excerptBytes));
        yield {
          messageId,
          groupId,
          senderId,
          sentAt,
          type,
          forwarded: (flags & FORWARDED) !== 0,
          recalled: (flags & RECALLED) !== 0,
          match: { ...site, text },
          excerpt,
          confidential: (flags & CONFIDENTIAL) !== 0,
          violation: (flags & VIOLATION) !== 0,
          ...(flags & EXEMPT ? { exemptionId: strings[exemption]! } : {}),
        };
      }
    }
  }

  /** Forgets the hits but keeps the first chunk for the next ones (a watcher reads one message's
   *  hits at a time, and a fresh megabyte per message would cost more than the check). */
  reset(): void {
    this.chunks.length = Math.min(this.chunks.length, 1);
    this.used.length = this.chunks.length;
    if (this.used.length) this.used[0] = 0;
    this.count = 0;
  }

  clear(): void {
    this.chunks.length = 0;
    this.used.length = 0;
    this.count = 0;
  }
}
