// The report views (issue 4 item 4) on a hand-made result: every number checked by hand against
// test/report/fixture.ts — CSVs with BOM for Excel, the Markdown summary, the self-contained HTML with
// its SVG charts, and the workbook, byte-identical whatever the clock says.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeReports } from '../../src/report/index.js';
import { fixture, labels } from './fixture.js';
import { localized } from '../../src/i18n/localized-text.js';

async function write(options: Partial<Parameters<typeof writeReports>[2]> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-reports-'));
  await writeReports(fixture, dir, { locale: 'zh-CN', formats: ['xlsx'], labels, ...options });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { dir, read, bytes: (name: string) => readFileSync(join(dir, name)) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('members.csv and findings.csv', () => {
  it('members.csv: names and results first, ids at the end; BOM, CRLF, labels, empty cells for no data, metrics (timestamps left out)', async () => {
    const { read } = await write();
    expect(read('members.csv')).toBe(
      '\uFEFF' +
        '姓名,群规,作业评级,测试评级,参与度评级,综合评级,绩效分,后续措施,备注,准确率,活跃天数,群聊ID,成员ID\r\n' +
        '张博,新员工培训群,优秀,良好,良好,优秀,3,,,91.5,12,wrOnboard2026,n01\r\n' +
        '李娜,新员工培训群,不合格,,合格,不合格,-2,导师辅导、书面提醒,,,2,wrOnboard2026,n02\r\n' +
        'wmExt001,新员工培训群,,,合格,合格,0,,,,,wrOnboard2026,wmExt001\r\n' +
        '王强,管理培训群,,,,良好,1,,,,,wrMgmtLead,m01\r\n',
    );
  });

  it('members.csv: a member who left the group has a note in the locale of the report, and no ratings', async () => {
    const left = {
      ...fixture,
      members: fixture.members.map((m) =>
        m.memberId === 'm01'
          ? {
              ...m,
              ratings: { assignments: null, tests: null, participation: null, overall: null },
              points: null,
              notRated: localized('2026-10-20 已退群，本月不评级', 'left the group on 2026-10-20: not rated this month'),
            }
          : m,
      ),
    };
    for (const [locale, row] of [
      ['zh-CN', '王强,管理培训群,,,,,,,2026-10-20 已退群，本月不评级,,,wrMgmtLead,m01'],
      ['en', '王强,管理培训群,,,,,,,left the group on 2026-10-20: not rated this month,,,wrMgmtLead,m01'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'qungui-reports-'));
      await writeReports(left, dir, { locale, formats: [], labels });
      expect(readFileSync(join(dir, 'members.csv'), 'utf8').split('\r\n')[4]).toBe(row);
    }
  });

  it('findings.csv: names and words first, ids and codes at the side; quoting; phone numbers masked unless redact is off', async () => {
    const lines = (await write()).read('findings.csv').split('\r\n');
    expect(lines[0]).toBe('\uFEFF条款,严重程度,群规,成员,说明,处理,规则位置,证据,群聊ID,成员ID,代码');
    expect(lines[1]).toBe(
      'N4,警告,新员工培训群,李娜,未报备的广告,复核,第 41 行,' +
        '"messageId=msg-0101; sentAt=2026-10-03T09:15:00+08:00; category=ads; excerpt=加我微信，代办信用卡，""秒批""",wrOnboard2026,n02,N4-unreported-ad',
    );
    // A member without a name is shown by id; the engine's actions in words.
    expect(lines[3]).toBe(
      'M1,错误,新员工培训群,wmExt001,入群没有已批准的申请,移出群聊,第 12 行,joinedAt=2026-10-05T08:00:00+08:00,wrOnboard2026,wmExt001,M1-no-application',
    );
    expect(lines[4]).toMatch(/^S5,错误,新员工培训群,张博,已离职仍在群内,交接后移出,/);
    expect(lines[2]).toContain('; excerpt=我的电话 138******78 有事找我');
    expect(lines).toHaveLength(7); // header, five findings, final CRLF
    // Times and dates in the evidence are not numbers to hide.
    expect(lines[4]).toContain('leftCompanyOn=2026-10-20');
    const open = (await write({ redact: false })).read('findings.csv');
    expect(open).toContain('我的电话 13812345678 有事找我');
  });

  it('English headers with --locale en', async () => {
    const { read } = await write({ locale: 'en' });
    expect(read('members.csv').split('\r\n')[0]).toBe(
      '\uFEFFName,Policy,Assignments rating,Tests rating,Participation rating,Overall rating,Points,Follow-ups,Note,accuracy,active days,Group ID,Member ID',
    );
    expect(read('members.csv').split('\r\n')[2]).toBe('李娜,新员工培训群,Fail,,Pass,Fail,-2,Coaching; Written reminder,,,2,wrOnboard2026,n02');
    expect(read('findings.csv').split('\r\n')[0]).toBe('\uFEFFClause,Severity,Policy,Member,Message,Action,Policy line,Evidence,Group ID,Member ID,Code');
    expect(read('findings.csv').split('\r\n')[3]).toMatch(/^M1,error,新员工培训群,wmExt001,No approved application,remove from the group,line 12,/);
  });
});

describe('report.md', () => {
  it('is the month on one page: ratings per policy, the work queue, clauses, gaps and data accounting', async () => {
    expect((await write()).read('report.md')).toBe(`# 培训群月度考核报告（2026-10）

群规：新员工培训群、管理培训群。成员 6 人（学员 4 人）；发现 5 条（错误 3，警告 1，提示 1）；被拒绝的数据行 1 行。

## 评级分布

**新员工培训群**

| 维度 | 优秀 | 良好 | 合格 | 不合格 | 无数据 |
| --- | --- | --- | --- | --- | --- |
| 作业 | 1 | 0 | 0 | 1 | 1 |
| 测试 | 0 | 1 | 0 | 0 | 2 |
| 参与度 | 0 | 1 | 2 | 0 | 0 |
| 综合 | 1 | 0 | 1 | 1 | 0 |

**管理培训群**

| 维度 | 优秀 | 良好 | 合格 | 不合格 | 无数据 |
| --- | --- | --- | --- | --- | --- |
| 综合 | 0 | 1 | 0 | 0 | 0 |

## 需要管理员处理

- [S2] 错误：群内泄露个人信息（新员工培训群第 47 行）
- [M1] 错误：入群没有已批准的申请（新员工培训群第 12 行）
- [S5] 错误：已离职仍在群内（新员工培训群第 20 行）

## 按条款

| 条款 | 条数 |
| --- | --- |
| M1 入群须经指定人员审核，申请人提供姓名、部门、职位和目的 | 1 |
| N4 不得发布广告、推销、谣言或低俗内容；工作需要须事先报备 | 1 |
| N5 及时回应他人的提问和求助 | 1 |
| S2 未发布的政策、战略和培训教材同属保密范围 | 1 |
| S5 离职时交接保密信息并承诺不泄露 | 1 |

## 未评估（缺少数据或设置）

- 管理培训群 · C3 按培训计划定期更新内容：缺少 materials 数据

## 没有群规管辖的群聊

- wrOther：7 条消息

## 数据

| 表 | 读取 | 接受 | 拒绝 |
| --- | --- | --- | --- |
| 群消息 | 121 | 120 | 1 |
`);
  });

  it('English', async () => {
    const md = (await write({ locale: 'en' })).read('report.md');
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# Training groups: monthly report (2026-10)',
      '',
      'Policies: 新员工培训群, 管理培训群. 6 members (4 learners); 5 findings (3 errors, 1 warnings, 1 info); 1 rejected data rows.',
    ]);
    expect(md).toContain('| Overall | 1 | 0 | 1 | 1 | 0 |');
    expect(md).toContain('- [M1] error: No approved application (新员工培训群, line 12)\n');
    expect(md).toContain('- 管理培训群 · C3 Content is updated regularly following the plan: no materials data\n');
    expect(md).toContain('- wrOther: 7 messages\n');
  });
});

describe('report.html', () => {
  const bars = (html: string, title: string) => {
    const svg = html.match(new RegExp(`<svg class="chart"[^>]*aria-label="${title}"[^>]*>(.*?)</svg>`))![1]!;
    return [...svg.matchAll(/data-label="([^"]*)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
  };

  it('one self-contained page: one inline script, no external reference', async () => {
    const html = (await write()).read('report.html');
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    // The script, and the member rows and cards as data (JSON, never run).
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).toContain('<script>(function(){');
    expect(html).toContain('<script type="application/json" id="member-data">{');
    expect(html).toContain('<script type="application/json" id="card-data">{');
    expect(html).not.toMatch(/<script\s(?!type="application\/json" id="(member|card)-data">)|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    // Links go to places in the page only (the work queue, a member's card).
    expect([...html.matchAll(/\shref="([^"]*)"/g)].filter((m) => !m[1]!.startsWith('#'))).toEqual([]);
    // The only URL is the SVG namespace, which is a name, never fetched.
    expect([...html.matchAll(/https?:\/\/[^"]+/g)].map((m) => m[0])).toEqual(Array(8).fill('http://www.w3.org/2000/svg'));
  });

  it('charts: rating distributions per assessed dimension, points, clauses, categories', async () => {
    const html = (await write()).read('report.html');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(8); // 4 onboarding dimensions + management overall + 3
    // Members without data for a dimension are shown, not left out.
    expect(bars(html, '新员工培训群 · 作业')).toEqual([
      ['优秀', 1],
      ['良好', 0],
      ['合格', 0],
      ['不合格', 1],
      ['无数据', 1],
    ]);
    // One scale for every rating chart: a count of 1 is as wide in each, and rates are written beside.
    const width = (title: string, label: string) =>
      html.match(new RegExp(`aria-label="${title}".*?data-label="${label}" data-count="\\d+"><text[^>]*>[^<]*</text><rect[^>]*width="(\\d+)"`))![1];
    expect(width('新员工培训群 · 作业', '优秀')).toBe(width('管理培训群 · 综合', '良好'));
    expect(html).toContain('>1 （33%）</text>');
    expect(bars(html, '新员工培训群 · 参与度')).toEqual([
      ['优秀', 0],
      ['良好', 1],
      ['合格', 2],
      ['不合格', 0],
    ]);
    expect(bars(html, '管理培训群 · 综合')).toEqual([
      ['优秀', 0],
      ['良好', 1],
      ['合格', 0],
      ['不合格', 0],
    ]);
    expect(bars(html, '绩效分（人数）')).toEqual([
      ['-2', 1],
      ['0', 1],
      ['+1', 1],
      ['+3', 1],
    ]);
    expect(bars(html, '按条款')).toEqual([
      ['M1', 1],
      ['N4', 1],
      ['N5', 1],
      ['S2', 1],
      ['S5', 1],
    ]);
    expect(bars(html, '按内容类别')).toEqual([
      ['广告', 1],
      ['个人信息', 1],
    ]);
    // The worst rating is red whatever the number of ratings (4 in one policy, 3 in another).
    const fills = (title: string) => [...html.match(new RegExp(`aria-label="${title}".*?</svg>`))![0].matchAll(/fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(fills('新员工培训群 · 作业')).toEqual(['#2f6fb0', '#4f9a5b', '#d9a028', '#c0504d', '#9e9e9e']);
    expect(fills('按条款')).toEqual(Array(5).fill('#2f6fb0'));
    expect(html).not.toContain('13812345678');
    expect(html).toContain('加我微信，代办信用卡，&quot;秒批&quot;');
    // A members table per group with the columns that group is assessed on; the metrics and ids are in
    // the member's card and members.csv. Each row links to the card; every row also travels as data with
    // what search and the filters read and the values the columns sort on.
    expect(html).toContain(
      '<section class="members" data-group="onboarding"><h3>新员工培训群</h3><div class="scroll"><table><thead><tr><th data-sort="0">姓名</th><th data-sort="1">作业</th><th data-sort="2">测试</th><th data-sort="3">参与度</th><th data-sort="4">综合</th><th data-sort="5">绩效分</th><th data-sort="6">后续措施</th><th>备注</th><th>说明</th></tr></thead>',
    );
    const row =
      '<tr><td class="name">李娜</td><td class="rating rating-worst">不合格</td><td class="rating"></td><td class="rating">合格</td><td class="rating rating-worst">不合格</td><td class="num">-2</td><td>导师辅导、书面提醒</td><td></td><td><a href="#m-onboarding_2FwrOnboard2026_2Fn02">查看</a></td></tr>';
    // On the page at first: the section's first rows, this one among them.
    const section = html.slice(html.indexOf('<section class="members" data-group="onboarding">'));
    expect(section.slice(section.indexOf('<tbody>'), section.indexOf('</tbody>'))).toContain(row);
    const data = JSON.parse(html.match(/<script type="application\/json" id="member-data">([^<]*)<\/script>/)![1]!);
    expect(data.onboarding.find((r: unknown[]) => r[0] === row)).toEqual([row, '李娜 n02', '不合格', 'yes', ['李娜', 3, 4, 2, 3, -2, 2]]);
  });

  it('lists at most 500 findings and says where the rest are', async () => {
    const many = { ...fixture, findings: Array.from({ length: 2500 }, (_, i) => ({ ...fixture.findings[0]!, memberId: `m${i}` })) };
    const dir = mkdtempSync(join(tmpdir(), 'qungui-reports-'));
    await writeReports(many, dir, { locale: 'en', formats: [], labels });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<h2 id="findings">All findings</h2>'), html.indexOf('<h2 id="data">Data</h2>'));
    expect(section.match(/<tr><td>/g)).toHaveLength(500);
    expect(section).toContain('2500 findings in all; the first 500 are listed here, all of them in findings.csv');
    expect(readFileSync(join(dir, 'findings.csv'), 'utf8').split('\r\n')).toHaveLength(2502);
  });

  it('English page', async () => {
    const html = (await write({ locale: 'en' })).read('report.html');
    expect(html).toContain('<html lang="en">');
    expect(bars(html, 'By clause')).toHaveLength(5);
    expect(html).toContain('<li>管理培训群 · C3 Content is updated regularly following the plan: no materials data</li>');
    expect(html).toContain('<li>wrOther: 7 messages, 3 members</li>');
    expect(bars(html, '新员工培训群 · Overall')).toEqual([
      ['Excellent', 1],
      ['Good', 0],
      ['Pass', 1],
      ['Fail', 1],
    ]);
    expect(bars(html, 'By content category')).toEqual([
      ['Ads', 1],
      ['Personal data', 1],
    ]);
  });
});

describe('report.xlsx', () => {
  it('same result, same bytes, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T10:00:00Z'));
    const a = (await write()).bytes('report.xlsx');
    vi.setSystemTime(new Date('2031-05-17T23:59:58Z'));
    const b = (await write()).bytes('report.xlsx');
    expect(a.equals(b)).toBe(true);
  });

  it('members and findings sheets with the same cells as the CSVs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await write()).bytes('report.xlsx') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概览', '待处理', '成员', '发现', '未评估', '数据质量']);
    const members = workbook.getWorksheet('成员')!;
    expect(members.rowCount).toBe(5);
    expect(members.getRow(3).values).toEqual([
      undefined,
      '李娜',
      '新员工培训群',
      '不合格',
      '',
      '合格',
      '不合格',
      -2,
      '导师辅导、书面提醒',
      '',
      undefined,
      2,
      'wrOnboard2026',
      'n02',
    ]);
    const findings = workbook.getWorksheet('发现')!;
    expect(findings.rowCount).toBe(6);
    expect(findings.getRow(3).getCell(6).value).toBe('复核');
    expect(findings.getRow(4).getCell(6).value).toBe('移出群聊');
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(members.autoFilter).toBe('A1:M1'); // 11 fixed columns + the fixture's 2 metric columns
    expect(findings.getRow(3).getCell(8).value).toBe(
      'messageId=msg-0102; sentAt=2026-10-04T10:00:00+08:00; category=personal-info; excerpt=我的电话 138******78 有事找我',
    );
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('a workbook HR works in: overview with rates, the queue to fill in, red fails, fitted columns, landscape pages', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await write()).bytes('report.xlsx') as unknown as ArrayBuffer);
    // 概览: per group the overall ratings, counts and rates of the rated learners, average points.
    const overview = workbook.getWorksheet('概览')!;
    const head = (overview.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 5)).toEqual(['群规', '学员', '已评级', '优秀', '优秀率']);
    expect(head.slice(-4)).toEqual(['平均绩效分', '发现', '错误', '待处理']);
    const onboarding = (overview.getRow(2).values as unknown[]).slice(1);
    // 3 learners, all rated overall: excellent, fail, pass; points 3, -2, 0 → 0.3.
    expect(onboarding.slice(0, 5)).toEqual(['新员工培训群', 3, 3, 1, 0.333]);
    expect(onboarding[head.indexOf('不合格')]).toBe(1);
    expect(onboarding[head.indexOf('平均绩效分')]).toBe(0.3);
    expect(overview.getColumn(5).numFmt).toBe('0.0%');
    // 待处理: real dates, and an empty column for what was done.
    const queue = workbook.getWorksheet('待处理')!;
    expect((queue.getRow(1).values as unknown[]).slice(1)).toEqual(['群', '成员', '事项', '时间', '消息ID', '处理', '期限', '处理结果']);
    const first = queue.getRow(2);
    expect(first.getCell(4).value).toBeInstanceOf(Date);
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(8).value).toBeNull();
    // 成员: a failing rating in red; the header row frozen, filtered and repeated on each printed page.
    const members = workbook.getWorksheet('成员')!;
    const fail = members.getRow(3).getCell(3);
    expect(fail.value).toBe('不合格');
    expect(fail.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7D6' } });
    expect(members.getRow(3).getCell(5).fill).toBeUndefined();
    for (const ws of workbook.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // Columns fit their text (CJK counts double), long texts wrap within a bounded width.
    const names = (members.getColumn(1).values as unknown[]).slice(2).map(String);
    const widest = Math.max(...names.map((n) => [...n].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0)));
    expect(members.getColumn(1).width).toBe(widest + 2);
    const what = queue.getColumn(3);
    expect(what.width).toBeGreaterThan(20);
    expect(what.width).toBeLessThanOrEqual(60);
    // 数据质量: read, accepted, rejected, skipped per table.
    expect((workbook.getWorksheet('数据质量')!.getRow(1).values as unknown[]).slice(1)).toEqual(['表', '读取', '接受', '拒绝', '跳过']);
  });

  it('writes exactly the requested files', async () => {
    expect(readdirSync((await write({ formats: [] })).dir).sort()).toEqual(['findings.csv', 'members.csv', 'report.html', 'report.md', 'summary.md']);
  });
});

describe('summary.md', () => {
  it('the month in WeCom markdown: headcount, the queue, rates per group, the most urgent items', async () => {
    const text = (await write()).read('summary.md');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 培训群月度考核 2026-10');
    expect(text).toMatch(/待处理 \*\*\d+\*\* 项/);
    expect(text).toContain('> **新员工培训群**：3 人评级，优秀 33%，<font color="warning">不合格 33%</font>');
    expect(text).not.toContain('13812345678');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
  });

  it("never over the robot's 4,096 bytes: cut at a line, pointing to report.html", async () => {
    const long = '很长的违规消息内容'.repeat(40);
    const many = {
      ...fixture,
      findings: Array.from({ length: 300 }, (_, i) => ({
        ...fixture.findings[0]!,
        severity: 'error' as const,
        memberId: `m${i}`,
        message: { 'zh-CN': long, 'zh-TW': long, en: long },
      })),
    };
    const dir = mkdtempSync(join(tmpdir(), 'qungui-reports-'));
    await writeReports(many, dir, { locale: 'zh-CN', formats: [], labels });
    const text = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
    expect(text.trimEnd().endsWith('……完整清单见 report.html')).toBe(true);
    expect(text).toContain('# 培训群月度考核 2026-10');
  });
});
