// Aho–Corasick over normalized UTF-16 code units, in typed arrays: a dense table for the root (most
// characters of Chinese text start nothing) and one open-addressing hash for every other edge.
// Built without Maps (node counts are bounded by the total term length); scanning allocates nothing
// per character.

const EMPTY = -1;

export class Automaton {
  /** Root transitions, dense: rootNext[c] is the child of the root on c (0: none). */
  readonly rootNext = new Int32Array(65536);
  hashNode: Int32Array;
  hashChar: Uint16Array;
  hashNext: Int32Array;
  mask: number;
  readonly fail: Int32Array;
  /** First entry id ending at a node (-1: none); entries sharing a node chain through entryNext. */
  readonly nodeEntry: Int32Array;
  /** Nearest node on the fail chain that ends an entry (0: none). */
  readonly outputLink: Int32Array;
  readonly entryNext: Int32Array;
  readonly entryLength: Int32Array;
  readonly nodeCount: number;
  /** Per node, a 32-bit summary of its children's code units (bit c & 31): most misses skip the hash. */
  readonly childMask: Int32Array;

  /** `entries`: normalized strings (non-empty); entry ids are their indexes. */
  constructor(entries: readonly string[]) {
    let total = 1;
    for (const entry of entries) total += entry.length;
    // Per node: the code unit that leads to it and its first child / next sibling (for the BFS).
    const edgeChar = new Uint16Array(total);
    const firstChild = new Int32Array(total).fill(EMPTY);
    const nextSibling = new Int32Array(total).fill(EMPTY);
    const nodeEntry = new Int32Array(total).fill(EMPTY);
    let capacity = 1024;
    while (capacity < total * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashNode = new Int32Array(capacity).fill(EMPTY);
    this.hashChar = new Uint16Array(capacity);
    this.hashNext = new Int32Array(capacity);
    let nodes = 1;
    const childMask = new Int32Array(total);
    const entryNext = new Int32Array(entries.length).fill(EMPTY);
    const entryLength = new Int32Array(entries.length);
    for (let id = 0; id < entries.length; id++) {
      const entry = entries[id]!;
      let node = 0;
      for (let i = 0; i < entry.length; i++) {
        const c = entry.charCodeAt(i);
        let next = node === 0 ? this.rootNext[c]! : this.lookup(node, c);
        if (next <= 0) {
          next = nodes++;
          edgeChar[next] = c;
          childMask[node] = childMask[node]! | (1 << (c & 31));
          nextSibling[next] = firstChild[node]!;
          firstChild[node] = next;
          if (node === 0) this.rootNext[c] = next;
          else this.insert(node, c, next);
        }
        node = next;
      }
      entryLength[id] = entry.length;
      entryNext[id] = nodeEntry[node]!;
      nodeEntry[node] = id;
    }
    this.nodeCount = nodes;
    this.childMask = childMask.slice(0, nodes);
    this.entryNext = entryNext;
    this.entryLength = entryLength;
    this.nodeEntry = nodeEntry.slice(0, nodes);

    // Fail links and output links, breadth first.
    this.fail = new Int32Array(nodes);
    this.outputLink = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    let head = 0;
    let tail = 0;
    for (let child = firstChild[0]!; child !== EMPTY; child = nextSibling[child]!) queue[tail++] = child;
    while (head < tail) {
      const node = queue[head++]!;
      for (let child = firstChild[node]!; child !== EMPTY; child = nextSibling[child]!) {
        const failTo = this.next(this.fail[node]!, edgeChar[child]!);
        this.fail[child] = failTo;
        this.outputLink[child] = this.nodeEntry[failTo] !== EMPTY ? failTo : this.outputLink[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  private insert(node: number, c: number, child: number) {
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
    while (this.hashNode[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.hashNode[slot] = node;
    this.hashChar[slot] = c;
    this.hashNext[slot] = child;
  }

  /** The child of a non-root `node` on `c`, or -1. */
  lookup(node: number, c: number): number {
    const hashNode = this.hashNode;
    const mask = this.mask;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    for (;;) {
      const n = hashNode[slot]!;
      if (n === EMPTY) return EMPTY;
      if (n === node && this.hashChar[slot] === c) return this.hashNext[slot]!;
      slot = (slot + 1) & mask;
    }
  }

  /** The state after reading `c` in `state` (following fail links). */
  next(state: number, c: number): number {
    let s = state;
    while (s !== 0) {
      const target = (this.childMask[s]! >>> (c & 31)) & 1 ? this.lookup(s, c) : EMPTY;
      if (target !== EMPTY) return target;
      s = this.fail[s]!;
    }
    return this.rootNext[c]!;
  }
}
