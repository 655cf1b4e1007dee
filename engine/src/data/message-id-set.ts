// Seen message ids of one pass over a month's messages, for the duplicate-id rejection. A Set<string>
// costs a string and a table entry per id, tens of bytes each, and was the largest part of a month's
// memory growth with its size. Here each id is its 64-bit hash (util/id-hash.ts), kept in 6 bytes of
// an open-addressing table at most 0.85 full: about 7 bytes an id (`npm run bench:evaluate` shows the
// memory ratio between a large and a small month).
//
// The 6 bytes are exact, not a fingerprint. With p = high ^ low, the home slot is p scaled to the
// capacity, so the home fixes p's top bits to an interval of at most 2¹⁵ values (capacity ≥ 2¹⁷):
// p's low 15 bits, all 32 bits of low and a bit "occupied" fill the slot, and home + slot give back
// all 64 bits. A probe compares slots, not homes: an entry pushed on from a neighbouring home with
// the same 47 stored bits would be taken for the id, with probability ≈ (probes per add)·n/2⁴⁷ —
// ~10⁻⁷ at 4M ids, below the chance two ids share a 64-bit hash (n²/2⁶⁵, 4×10⁻⁷). The rejection
// names the id, so a person can check.
//
// The slots do not say their home, so a full table cannot be rehashed into a bigger one: growth adds
// a layer (half as big as all before it) and an id is looked up in every layer. `reserve` makes one
// layer of the month's size: the reader estimates it from the files' size and the lines per byte of
// the first block, and again as it reads, adding a layer for the difference when the first was short.

import { hashId, idHash } from '../util/id-hash.js';

const MIN_CAPACITY = 1 << 17;
const MAX_LOAD = 0.85;
const OCCUPIED = 0x8000;

/**
 * The slots live in a SharedArrayBuffer, though no other thread sees them: V8 counts a plain
 * ArrayBuffer as the heap's external memory and lets the old generation grow with it before a full
 * collection — with a large month's table on the main thread, the heap then held several times the
 * table's size in garbage. A SharedArrayBuffer is not counted so.
 */
class Layer {
  /** Slot i is slots[3i..3i+2]: (p & 0x7fff) | OCCUPIED, low & 0xffff, low >>> 16. */
  readonly slots: Uint16Array;
  used = 0;
  readonly limit: number;
  constructor(readonly capacity: number) {
    this.slots = new Uint16Array(new SharedArrayBuffer(capacity * 6));
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  /** Offset of the empty slot where the key goes, or −offset − 1 of the slot that holds it. */
  find(p: number, a: number, b: number, c: number): number {
    const slots = this.slots;
    const capacity = this.capacity;
    for (let slot = home(p, capacity); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const at = slot * 3;
      const first = slots[at]!;
      if (first === 0) return at;
      if (first === a && slots[at + 1] === b && slots[at + 2] === c) return -at - 1;
    }
  }
}

export class MessageIdSet {
  /** Oldest first; an id goes into the first layer with room, and is looked for in all. */
  private layers: Layer[];
  private used = 0;

  constructor() {
    this.layers = [new Layer(MIN_CAPACITY)];
  }

  get size(): number {
    return this.used;
  }

  /** Bytes of slots, all layers (for tests). */
  get bytes(): number {
    return this.layers.reduce((n, layer) => n + layer.slots.byteLength, 0);
  }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    hashId(id);
    return this.addHash(idHash[0]!, idHash[1]!);
  }

  /** Adds the id by its hash (hashId's two halves); false when it was already there. */
  addHash(high: number, low: number): boolean {
    const p = (high ^ low) >>> 0;
    const a = (p & 0x7fff) | OCCUPIED;
    const b = low & 0xffff;
    const c = low >>> 16;
    const layers = this.layers;
    let into: Layer | undefined;
    let at = 0;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i]!;
      const found = layer.find(p, a, b, c);
      if (found < 0) return false;
      if (!into && layer.used < layer.limit) {
        into = layer;
        at = found;
      }
    }
    if (!into) {
      // All full: another layer, half as big as all before it (the set grows by half).
      into = new Layer(Math.max(MIN_CAPACITY, Math.ceil(this.capacity() / 2)));
      layers.push(into);
      at = into.find(p, a, b, c);
    }
    into.slots[at] = a;
    into.slots[at + 1] = b;
    into.slots[at + 2] = c;
    into.used++;
    this.used++;
    return true;
  }

  /** Room for `ids` ids in all: a layer for what is missing, if anything (an estimate: more still fit,
   *  by growth). Called again as the estimate gets better, it adds only the difference. */
  reserve(ids: number): void {
    const room = this.layers.reduce((n, layer) => n + layer.limit - layer.used, 0);
    const missing = ids - this.used - room;
    if (missing <= 0) return;
    if (this.used === 0) this.layers = [new Layer(Math.max(MIN_CAPACITY, Math.ceil(ids / MAX_LOAD) + 1))];
    else this.layers.push(new Layer(Math.max(MIN_CAPACITY, Math.ceil(missing / MAX_LOAD) + 1)));
  }

  private capacity(): number {
    return this.layers.reduce((n, layer) => n + layer.capacity, 0);
  }
}

/** `hash` (32 bits) mapped onto [0, capacity) by multiplication (Lemire's fast range reduction). */
function home(hash: number, capacity: number): number {
  return Math.floor((hash * capacity) / 4294967296);
}
