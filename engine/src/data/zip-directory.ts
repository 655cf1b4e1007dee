// The table of contents of a zip, read from its central directory at the end of the file: names,
// sizes and where each entry starts. Nothing is inflated.
import type { FileHandle } from 'node:fs/promises';

export interface ZipEntry {
  name: string;
  /** Where the entry's local header starts in the file. */
  offset: number;
  compressedSize: number;
  /** 0xffffffff for a zip64 entry (its real size lives elsewhere): counts as over every limit. */
  inflatedSize: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: the end of the last entry's data. */
  directoryOffset: number;
}

/** The directory, or undefined for a file that is not a zip (its reader then says so). */
export async function readZipDirectory(handle: FileHandle): Promise<ZipDirectory | undefined> {
  const { size } = await handle.stat();
  // The end-of-central-directory record: 22 bytes and a comment of at most 64 KB, at the end.
  const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
  await handle.read(tail, 0, tail.length, size - tail.length);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd === -1 || eocd + 22 > tail.length) return undefined;
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > size) return undefined;
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = directory.readUInt16LE(at + 28);
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      offset: directory.readUInt32LE(at + 42),
      compressedSize: directory.readUInt32LE(at + 20),
      inflatedSize: directory.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return { entries, directoryOffset };
}
