// result.json written in pieces gives exactly the bytes of JSON.stringify(value, null, 2) + "\n".
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJsonFile } from '../../src/report/result-json.js';
import { fixture } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'qungui-result-json-'));
let n = 0;
async function roundTrip(value: Record<string, unknown>): Promise<string> {
  const path = join(dir, `r${n++}.json`);
  await writeJsonFile(path, value);
  return readFileSync(path, 'utf8');
}

describe('writeJsonFile', () => {
  it('matches JSON.stringify on random objects (nested arrays, empty arrays, undefined values, unicode)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))))),
        async (value) => {
          expect(await roundTrip(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches JSON.stringify on a result', async () => {
    expect(await roundTrip(fixture as unknown as Record<string, unknown>)).toBe(`${JSON.stringify(fixture, null, 2)}\n`);
  });
});
