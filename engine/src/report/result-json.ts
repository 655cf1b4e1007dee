// result.json, written a top-level key and an array element at a time: the same bytes as
// JSON.stringify(result, null, 2) + "\n", without ever holding the whole text. One string of a
// month's result (about 1.2 KB a finding) would pass V8's string limit (2^29 code units) near 450k
// findings; written in pieces the file has no such limit.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes `value` (a plain JSON object) to `path` as JSON.stringify(value, null, 2) + "\n" would. */
export async function writeJsonFile(path: string, value: Record<string, unknown>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) await write('{}\n');
  else {
    await write('{\n');
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i]!;
      await write(`  ${JSON.stringify(key)}: `);
      if (Array.isArray(item) && item.length > 0) {
        await write('[\n');
        for (let j = 0; j < item.length; j++) {
          // undefined and functions inside an array are written as null, as JSON.stringify does.
          const element = item[j] === undefined || typeof item[j] === 'function' ? null : item[j];
          await write(`    ${indent(JSON.stringify(element, null, 2), '    ')}${j + 1 < item.length ? ',' : ''}\n`);
        }
        await write('  ]');
      } else {
        await write(indent(JSON.stringify(item, null, 2), '  '));
      }
      await write(i + 1 < entries.length ? ',\n' : '\n');
    }
    await write('}\n');
  }
  out.end();
  await once(out, 'finish');
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
