// Text cells of a workbook live in its shared strings, which Excel may write before or after the sheet
// in the zip. Either way every cell reads back as written: plain, repeated, rich text, empty.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/data/read-records.js';
import { SharedStrings } from '../../src/data/shared-strings.js';
import { deflatedZip } from '../../../test/helpers/deflated-zip.mjs';

const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const parts = {
  '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'xl/workbook.xml': xml(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="聊天记录" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  'xl/_rels/workbook.xml.rels': xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ),
};
const strings = xml(
  `<sst xmlns="${main}" count="7" uniqueCount="5">` +
    '<si><t>message_id</t></si><si><t>content</t></si>' +
    '<si><t>收到</t></si>' +
    '<si><r><rPr><b/></rPr><t>大家</t></r><r><t xml:space="preserve">好 </t></r></si>' +
    '<si><t></t></si></sst>',
);
const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const sheet = xml(
  `<worksheet xmlns="${main}"><sheetData>` +
    `<row r="1">${s('A1', 0)}${s('B1', 1)}</row>` +
    `<row r="2"><c r="A2"><v>1</v></c>${s('B2', 2)}</row>` +
    `<row r="3"><c r="A3"><v>2</v></c>${s('B3', 3)}</row>` +
    `<row r="4"><c r="A4"><v>3</v></c>${s('B4', 2)}</row>` +
    `<row r="5"><c r="A5"><v>4</v></c>${s('B5', 4)}</row>` +
    '</sheetData></worksheet>',
);

const home = mkdtempSync(join(tmpdir(), 'qungui-xlsx-strings-'));

async function rowsOf(entries: Record<string, Buffer>) {
  const dir = mkdtempSync(join(home, 'bundle-'));
  const file = join(dir, 'messages.xlsx');
  writeFileSync(file, deflatedZip(entries));
  const rows = [];
  for await (const row of readRecords(file, { format: 'xlsx' })) rows.push(row);
  return rows;
}

const expected = [
  { line: 2, record: { message_id: 1, content: '收到' } },
  { line: 3, record: { message_id: 2, content: '大家好 ' } },
  { line: 4, record: { message_id: 3, content: '收到' } },
  { line: 5, record: { message_id: 4, content: '' } },
];

describe('workbook shared strings', () => {
  it('resolves cells when the shared strings come before the sheet (read as it streams)', async () => {
    expect(await rowsOf({ ...parts, 'xl/sharedStrings.xml': strings, 'xl/worksheets/sheet1.xml': sheet })).toEqual(expected);
  });

  it('resolves cells when the sheet comes first and the strings last, without a copy in the temp folder', async () => {
    // Excel's order. exceljs alone loses a final entry after a buffered sheet, and buffers the sheet
    // (personal data) in the temp folder; neither may happen.
    const temp = mkdtempSync(join(tmpdir(), 'qungui-xlsx-temp-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      expect(await rowsOf({ ...parts, 'xl/worksheets/sheet1.xml': sheet, 'xl/sharedStrings.xml': strings })).toEqual(expected);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('SharedStrings', () => {
  it('gives back every string as set, across chunk ends and past the first capacity; unset indexes read undefined', () => {
    const store = new SharedStrings();
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? '' : `第${i}条消息，培训群 ${'字'.repeat(i % 300)}`));
    texts[1234] = '长'.repeat(2 * 1024 * 1024); // 6 MB of UTF-8: longer than a chunk
    texts.forEach((text, i) => {
      if (i !== 42) store.set(i, text);
    });
    expect(texts.every((text, i) => i === 42 || store.get(i) === text)).toBe(true);
    expect(store.get(42)).toBeUndefined();
    expect(store.lookup[3]).toBe(texts[3]);
    expect(store.lookup[5000]).toBeUndefined();
    expect(store.lookup[-1]).toBeUndefined();
  });
});
