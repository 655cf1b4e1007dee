// Aho–Corasick over normalized UTF-16 code units, in typed arrays: a dense table for the root (most
// characters of Chinese text start nothing) and one open-addressing hash for every other edge.
// Scanning allocates nothing per character.

const EMPTY = -1;

export class Automaton {
  /** Root transitions, dense: rootNext[c] is the child of the root on c (0: none). */
  private readonly rootNext = new Int32Array(65536);
  private hashNode!: Int32Array;
  private hashChar!: Uint16Array;
  private hashNext!: Int32Array;
  private mask = 0;
  readonly fail: Int32Array;
  /** First entry id ending at a node (-1: none); entries sharing a node chain through entryNext. */
  readonly nodeEntry: Int32Array;
  /** Nearest node on the fail chain that ends an entry (0: none). */
  readonly outputLink: Int32Array;
  readonly entryNext: Int32Array;
  readonly entryLength: Int32Array;
  readonly nodeCount: number;

  /** `entries`: normalized strings (non-empty); entry ids are their indexes. */
  constructor(entries: readonly string[]) {
    const edges = new Map<number, number>();
    const nodeEntryList: number[] = [EMPTY];
    let nodes = 1;
    const entryNext = new Int32Array(entries.length).fill(EMPTY);
    const entryLength = new Int32Array(entries.length);
    entries.forEach((entry, id) => {
      let node = 0;
      for (let i = 0; i < entry.length; i++) {
        const c = entry.charCodeAt(i);
        const key = node * 65536 + c;
        let next = node === 0 ? this.rootNext[c]! : (edges.get(key) ?? 0);
        if (next === 0) {
          next = nodes++;
          nodeEntryList.push(EMPTY);
          if (node === 0) this.rootNext[c] = next;
          else edges.set(key, next);
        }
        node = next;
      }
      entryLength[id] = entry.length;
      entryNext[id] = nodeEntryList[node]!;
      nodeEntryList[node] = id;
    });
    this.nodeCount = nodes;
    this.entryNext = entryNext;
    this.entryLength = entryLength;
    this.nodeEntry = Int32Array.from(nodeEntryList);
    this.buildHash(edges);

    // Fail links and output links, breadth first.
    this.fail = new Int32Array(nodes);
    this.outputLink = new Int32Array(nodes);
    const children = new Map<number, [number, number][]>();
    for (const [key, child] of edges) {
      const parent = Math.floor(key / 65536);
      const list = children.get(parent) ?? [];
      list.push([key - parent * 65536, child]);
      children.set(parent, list);
    }
    const queue = new Int32Array(nodes);
    let head = 0;
    let tail = 0;
    for (let c = 0; c < 65536; c++) {
      const child = this.rootNext[c]!;
      if (child !== 0) queue[tail++] = child;
    }
    while (head < tail) {
      const node = queue[head++]!;
      for (const [c, child] of children.get(node) ?? []) {
        let f = this.fail[node]!;
        let target = this.step(f, c);
        while (target === EMPTY && f !== 0) {
          f = this.fail[f]!;
          target = this.step(f, c);
        }
        const failTo = target === EMPTY ? 0 : target;
        this.fail[child] = failTo;
        this.outputLink[child] = this.nodeEntry[failTo] !== EMPTY ? failTo : this.outputLink[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  private buildHash(edges: Map<number, number>) {
    let capacity = 16;
    while (capacity < edges.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashNode = new Int32Array(capacity).fill(EMPTY);
    this.hashChar = new Uint16Array(capacity);
    this.hashNext = new Int32Array(capacity);
    for (const [key, child] of edges) {
      const node = Math.floor(key / 65536);
      const c = key - node * 65536;
      let slot = this.slot(node, c);
      while (this.hashNode[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.hashNode[slot] = node;
      this.hashChar[slot] = c;
      this.hashNext[slot] = child;
    }
  }

  private slot(node: number, c: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
  }

  /** The child of `node` on `c`, or -1. */
  step(node: number, c: number): number {
    if (node === 0) {
      const next = this.rootNext[c]!;
      return next === 0 ? EMPTY : next;
    }
    let slot = this.slot(node, c);
    for (;;) {
      const n = this.hashNode[slot]!;
      if (n === EMPTY) return EMPTY;
      if (n === node && this.hashChar[slot] === c) return this.hashNext[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The state after reading `c` in `state` (following fail links). */
  next(state: number, c: number): number {
    let s = state;
    for (;;) {
      const target = this.step(s, c);
      if (target !== EMPTY) return target;
      if (s === 0) return 0;
      s = this.fail[s]!;
    }
  }
}
