export function deflatedZip(entries: Record<string, Buffer>): Buffer;
