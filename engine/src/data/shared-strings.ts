// A workbook's shared strings, held as UTF-8 in fixed-size buffers outside the JavaScript heap.
// A chat export has one shared string per message, nearly all read once: as strings on the heap
// they cost twice their bytes in garbage-collector headroom; here a string is decoded when its cell
// is read. `lookup` is what exceljs's sheet reader indexes (`sharedStrings[i]`).

const CHUNK_BYTES = 4 * 1024 * 1024;

export class SharedStrings {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;
  /** Per index: chunk number, start and end in it. */
  private places = new Uint32Array(3 * 1024);
  /** Indexes set so far; an index never set reads as undefined. */
  private filled = new Uint8Array(1024);
  size = 0;

  set(index: number, text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > this.chunk.length) {
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    const start = this.used;
    this.used += this.chunk.write(text, start, 'utf8');
    this.grow(index + 1);
    this.places[3 * index] = Math.max(0, this.chunks.length - 1); // an empty string before any chunk
    this.places[3 * index + 1] = start;
    this.places[3 * index + 2] = this.used;
    this.filled[index] = 1;
    this.size = Math.max(this.size, index + 1);
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.size) || this.filled[index] !== 1) return undefined;
    const at = 3 * index;
    if (this.places[at + 1] === this.places[at + 2]) return '';
    return this.chunks[this.places[at]!]!.toString('utf8', this.places[at + 1], this.places[at + 2]);
  }

  /** An array-like view for exceljs: `lookup[i]` is `get(i)`. */
  readonly lookup: string[] = new Proxy([] as string[], {
    get: (target, key, receiver) => {
      if (typeof key === 'string') {
        const index = Number(key);
        if (Number.isInteger(index)) return this.get(index);
      }
      return Reflect.get(target, key, receiver);
    },
  });

  private grow(count: number): void {
    if (count <= this.filled.length) return;
    let capacity = this.filled.length;
    while (capacity < count) capacity *= 2;
    const places = new Uint32Array(3 * capacity);
    places.set(this.places);
    this.places = places;
    const filled = new Uint8Array(capacity);
    filled.set(this.filled);
    this.filled = filled;
  }
}
