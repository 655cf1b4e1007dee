// A zip bomb of a workbook — 1 MB on disk, shared strings inflating past MAX_SHARED_STRINGS — is
// refused before it is inflated: `bundle check` exits 2 naming the file and the limit, no crash.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/bundle.js';
import { MAX_SHARED_STRINGS } from '../../src/data/xlsx-limits.js';

/** A zip of deflated entries (CRCs zeroed: the check reads only the central directory's sizes). */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0); header.writeUInt16LE(20, 4); header.writeUInt16LE(20, 6); header.writeUInt16LE(8, 10);
    header.writeUInt32LE(packed.length, 20); header.writeUInt32LE(data.length, 24); header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('workbook limits', () => {
  it('a workbook whose shared strings inflate past the limit is refused, named, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-xlsx-bomb-'));
    const cell = '<si><t>' + '培训'.repeat(50) + '</t></si>';
    const strings = Buffer.from(`<?xml version="1.0"?><sst>${cell.repeat(Math.ceil((MAX_SHARED_STRINGS + 2 ** 20) / Buffer.byteLength(cell)))}</sst>`);
    writeFileSync(join(dir, 'messages.xlsx'), zip({
      '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types/>'),
      'xl/workbook.xml': Buffer.from('<?xml version="1.0"?><workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/sharedStrings.xml': strings,
    }));
    expect(statSync(join(dir, 'messages.xlsx')).size).toBeLessThan(2 * 2 ** 20);
    writeFileSync(join(dir, 'members.csv'), 'group_id,member_id,joined_at\nwrA,u1,2026-09-01\n');
    let out = '';
    const code = await run(['check', dir, '--month', '2026-10', '--locale', 'en'], { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, cwd: '/', isTTY: false, env: {} });
    expect(code).toBe(2);
    expect(out).toContain('messages.xlsx');
    expect(out).toContain('over the 100 MB limit: not read; save the sheet as CSV');
    expect(out).toContain('超过上限 100 MB');
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
