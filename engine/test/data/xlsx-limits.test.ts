// A zip bomb of a workbook — 1 MB on disk, shared strings inflating past MAX_SHARED_STRINGS — is
// refused before it is inflated: `bundle check` exits 2 naming the file and the limit, no crash.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/bundle.js';
import { MAX_SHARED_STRINGS } from '../../src/data/xlsx-limits.js';
import { deflatedZip as zip } from '../../../test/helpers/deflated-zip.mjs';

describe('workbook limits', () => {
  it('a workbook whose shared strings inflate past the limit is refused, named, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-xlsx-bomb-'));
    const cell = `<si><t>${'培训'.repeat(50)}</t></si>`;
    const strings = Buffer.from(`<?xml version="1.0"?><sst>${cell.repeat(Math.ceil((MAX_SHARED_STRINGS + 2 ** 20) / Buffer.byteLength(cell)))}</sst>`);
    writeFileSync(
      join(dir, 'messages.xlsx'),
      zip({
        '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types/>'),
        'xl/workbook.xml': Buffer.from('<?xml version="1.0"?><workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/sharedStrings.xml': strings,
      }),
    );
    expect(statSync(join(dir, 'messages.xlsx')).size).toBeLessThan(2 * 2 ** 20);
    writeFileSync(join(dir, 'members.csv'), 'group_id,member_id,joined_at\nwrA,u1,2026-09-01\n');
    let out = '';
    const code = await run(['check', dir, '--month', '2026-10', '--locale', 'en'], {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        out += t;
      },
      cwd: '/',
      isTTY: false,
      env: {},
    });
    expect(code).toBe(2);
    expect(out).toContain('messages.xlsx');
    expect(out).toContain('over the 256 MB limit: not read; save the sheet as CSV');
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
