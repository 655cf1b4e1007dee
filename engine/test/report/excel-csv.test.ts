// The one CSV writer: BOM, CRLF, quoting, and the formula guard on every CSV qungui writes.
import { describe, expect, it } from 'vitest';
import { rejectedToCsv } from '../../src/data/rejected-csv.js';
import { excelCsv } from '../../src/util/excel-csv.js';
import { localized } from '../../src/i18n/localized-text.js';

describe('excelCsv', () => {
  it('guards every cell Excel would run as a formula, and keeps numbers as numbers', () => {
    expect(excelCsv([['=HYPERLINK("http://x")', '+1', '-2', -2, '@SUM(A1)', '\tcmd', '\rcmd', 'ok']])).toBe(
      '\uFEFF"\'=HYPERLINK(""http://x"")",\'+1,\'-2,-2,\'@SUM(A1),\'\tcmd,"\'\rcmd",ok\r\n',
    );
  });

  it('quotes delimiters, quotes and line breaks so a row stays one row in Excel', () => {
    expect(excelCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '', undefined, null, 3]])).toBe('\uFEFF"a,b","say ""hi""","two\nlines","cr\rhere",,,,3\r\n');
  });
});

describe('rejected.csv', () => {
  it('a file named like a formula is written as text (the guard covers rejected.csv too)', () => {
    const csv = rejectedToCsv([
      { file: '=1+2.jsonl', line: 3, table: 'messages', field: 'sent_at', reason: localized('时间格式不对', 'bad time'), value: '=cmd|x' },
    ]);
    expect(csv).toBe("\uFEFFfile,line,table,field,reason,value\r\n'=1+2.jsonl,3,messages,sent_at,时间格式不对,'=cmd|x\r\n");
  });
});
