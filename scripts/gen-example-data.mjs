// Generates examples/data/2026-08, -09 and -10/: three months of exports for the three example policies, in the bundle
// format (DESIGN.md): ~50 members, ~3,000 messages of corporate-training chat with the things the monthly
// job exists to find (violations, late work, leavers, an outsider, ineligible members…).
// Deterministic: a seeded PRNG, fixed dates — `node scripts/gen-example-data.mjs --check` verifies the
// committed files are exactly what this script writes.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

// mulberry32: small, fast, deterministic.
let seed = 20261001;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pad = (n) => String(n).padStart(2, '0');
/** Wall-clock time in Asia/Shanghai, as the bundle contract allows (YYYY-MM-DD HH:mm:ss). */
const at = (day, hour, minute = 0, second = 0, month = 10) => `2026-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '晨',
  '宇',
  '欣',
  '浩',
  '婷',
  '鹏',
  '佳',
  '雪',
  '琳',
  '博',
];
const usedNames = new Set();
function personName() {
  for (;;) {
    const name = pick([...SURNAMES]) + pick(GIVEN);
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

const employees = [];
const members = [];
const applications = [];
const exits = [];
const messages = [];
const assignments = [];
const submissions = [];
const tests = [];
const sessions = [];
const attendance = [];
const exemptions = [];

function employee(id, fields) {
  const e = {
    employee_id: id,
    name: fields.name ?? personName(),
    department: fields.department,
    position: fields.position,
    employment_status: fields.status ?? '正式',
    hire_date: fields.hire ?? '2024-03-01',
    leave_date: fields.leave ?? '',
  };
  employees.push(e);
  return e;
}

// --- The three groups and their people -----------------------------------------------------------
const groups = {
  // since: the month the group started (the onboarding group is for the September hires).
  onboarding: { room: 'wrOnboard2026', admins: ['zhangwei', 'liuyang'], publisher: 'chenjing', learners: [], since: 10 },
  sales: { room: 'wrSkillSales', admins: ['wangfang'], publisher: 'zhaolei', learners: [], since: 8 },
  mgmt: { room: 'wrMgmtLead', admins: ['sunli'], publisher: null, learners: [], since: 8 },
};
employee('zhangwei', { name: '张伟', department: '人力资源部', position: '培训经理' });
employee('liuyang', { name: '刘洋', department: '人力资源部', position: '培训专员' });
employee('chenjing', { name: '陈静', department: '人力资源部', position: '课程设计' });
employee('wangfang', { name: '王芳', department: '销售管理部', position: '赋能经理' });
employee('zhaolei', { name: '赵磊', department: '销售管理部', position: '讲师' });
employee('sunli', { name: '孙丽', department: '人力资源部', position: '领导力发展经理' });

for (let i = 1; i <= 20; i++) {
  const id = `n${pad(i)}`;
  const status = i === 7 ? '实习' : i <= 15 ? '正式' : '试用'; // n07: an intern (M2)
  const leave = i === 12 ? '2026-10-15' : ''; // n12 leaves the company mid-month (S5)
  employee(id, {
    department: pick(['销售部', '市场部', '研发部', '客服部']),
    position: pick(['销售代表', '市场专员', '开发工程师', '客服专员']),
    status,
    hire: '2026-09-01',
    leave,
  });
  groups.onboarding.learners.push(id);
}
for (let i = 1; i <= 15; i++) {
  const id = `s${pad(i)}`;
  const department = i === 5 ? '财务部' : pick(['华东销售部', '大客户部', '渠道部']); // s05: wrong department (M2)
  const hire = i === 9 ? '2026-08-20' : `202${int(2, 4)}-0${int(1, 9)}-01`; // s09: under 90 days (M2 expression)
  employee(id, { department, position: pick(['销售代表', '客户经理', '渠道经理']), hire });
  groups.sales.learners.push(id);
}
for (let i = 1; i <= 10; i++) {
  const id = `m${pad(i)}`;
  const position = i === 4 ? '专员' : pick(['经理', '副经理', '主管']); // m04: not a manager (M2)
  employee(id, { department: pick(['华东销售部', '研发部', '客服部', '市场部']), position, hire: '2021-05-01' });
  groups.mgmt.learners.push(id);
}

// Members: everyone joins at the start of October unless noted.
function member(group, id, fields = {}) {
  const row = {
    group_id: group.room,
    member_id: id,
    joined_at: fields.joined ?? (group.since === 10 ? at(1, 9, int(0, 50)) : at(3, 9, int(0, 50), 0, group.since)),
    left_at: fields.left ?? '',
    role: fields.role ?? 'member',
    invited_by: fields.invitedBy ?? group.admins[0],
    name: employees.find((e) => e.employee_id === id)?.name ?? fields.name ?? '',
  };
  members.push(row);
}
for (const group of Object.values(groups)) {
  const opening = (minute) => (group.since === 10 ? at(1, 8, minute) : at(3, 8, minute, 0, group.since));
  for (const admin of group.admins) member(group, admin, { role: 'admin', joined: opening(30), invitedBy: '' });
  if (group.publisher) member(group, group.publisher, { role: group.room === 'wrSkillSales' ? 'lecturer' : 'publisher', joined: opening(40) });
  for (const id of group.learners) {
    if (id === 'n18')
      member(group, id, { left: at(20, 18, 5) }); // left without an approved exit (M4)
    else if (id === 'n19')
      member(group, id, { left: at(22, 9, 0) }); // left with an approved exit
    else if (id === 'm09')
      member(group, id, { joined: '2026-09-01 09:00:00' }); // quiet since September (M5)
    else if (id === 's09') {
      int(0, 50);
      member(group, id, { joined: '2026-08-24 09:00:00' }); // hired on 20 August
    } else member(group, id);
  }
}
// An outside contact in the onboarding group (S4), added by an admin for a guest talk: a lecturer, so not rated.
member(groups.onboarding, 'wmGuestSpeaker01', { name: '外部讲师', joined: at(3, 14), role: 'lecturer' });

// Applications (M1): most approved; n05 without an application; n06 without a purpose; s03 still pending.
for (const group of Object.values(groups)) {
  for (const id of group.learners) {
    if (id === 'n05') continue;
    const e = employees.find((x) => x.employee_id === id);
    applications.push({
      application_id: `app-${id}`,
      group_id: group.room,
      applicant_id: id,
      name: e.name,
      department: e.department,
      position: e.position,
      purpose: id === 'n06' ? '' : pick(['系统学习公司制度', '提升销售技巧', '学习团队管理', '了解产品知识']),
      submitted_at: group.since === 10 ? '2026-09-28 10:00:00' : '2026-07-28 10:00:00',
      reviewer_id: group.room === 'wrOnboard2026' ? 'zhangwei' : group.room === 'wrSkillSales' ? 'wangfang' : 'sunli',
      decision: id === 's03' ? 'pending' : 'approved',
      decided_at: id === 's03' ? '' : group.since === 10 ? '2026-09-29 15:00:00' : '2026-07-29 15:00:00',
    });
  }
}
exits.push({ group_id: 'wrOnboard2026', member_id: 'n19', requested_at: at(21, 10), approver_id: 'zhangwei', decision: 'approved', decided_at: at(21, 16) });

// --- Messages -------------------------------------------------------------------------------------
let messageSeq = 0;
function say(group, sender, day, hour, minute, content, extra = {}) {
  const id = `msg-${String(++messageSeq).padStart(5, '0')}`;
  messages.push({
    message_id: id,
    group_id: group.room,
    sender_id: sender,
    sent_at: at(day, hour, minute, int(0, 59)),
    type: extra.type ?? 'text',
    content,
    reply_to: extra.replyTo ?? '',
    file_name: extra.fileName ?? '',
    recalled: extra.recalled ?? false,
    ...(extra.forwarded ? { forwarded: extra.forwarded } : {}),
  });
  return id;
}

const QUESTIONS = [
  '请问这周的作业什么时候截止？',
  '报销流程怎么走？',
  '如何申请内部系统权限？',
  'CRM 里的客户标签怎么改？',
  '为什么我的课程进度没有更新？',
  '请问直播回放在哪里看？',
  '新人手册第三章有配套练习吗？',
  '谈判时客户压价怎么回应比较好？',
  '绩效面谈前需要准备哪些材料？',
  '跨部门协作遇到分歧怎么处理？',
];
const ANSWERS = [
  '在学习平台“我的课程”里可以看到，截止时间是周五 18:00。',
  '先在 OA 提交申请，部门经理审批后财务会处理。',
  '找 IT 服务台提工单，一般一个工作日内开通。',
  '在客户详情页右上角点“编辑标签”。',
  '刷新一下，进度每小时同步一次。',
  '回放在群公告的链接里，保留 30 天。',
  '有的，练习题在附录 B。',
  '先确认客户的核心诉求，再用价值而不是价格来谈。',
  '准备好本季度的目标完成情况和改进计划。',
  '先对齐目标，再约双方主管一起定优先级。',
];
const CHAT = [
  '今天的课程很有收获，特别是案例部分。',
  '分享一个我在客户拜访中的小经验：提前了解客户的年度重点。',
  '第二单元的练习我做完了，感觉时间管理那部分最实用。',
  '昨天的直播讲得很清楚，谢谢老师！',
  '我把上周的学习笔记整理了一下，大家可以参考。',
  '刚才的讨论很有启发，我们组也遇到过类似情况。',
  '这个工具确实能提高效率，推荐大家试试。',
  '对于新产品的定位，我觉得还可以再细分一下客户群。',
];
const ACKS = ['收到', '好的', '👍', '收到，谢谢', 'OK', '明白'];

function chatMonth(group, volume) {
  const people = [...group.learners.filter((id) => id !== 'm09'), ...group.admins];
  for (let day = 1; day <= 31; day++) {
    const weekday = new Date(Date.UTC(2026, 9, day)).getUTCDay();
    const count = weekday === 0 || weekday === 6 ? Math.floor(volume / 4) : volume;
    for (let k = 0; k < count; k++) {
      const sender = pick(people);
      if (sender === 'n18' && day > 20) continue;
      if (sender === 'n19' && day > 22) continue;
      if (sender === 'n03' || sender === 's12') continue; // two quiet members: participation fails
      const hour = int(9, 20);
      const minute = int(0, 59);
      const roll = random();
      if (roll < 0.12) {
        const q = int(0, QUESTIONS.length - 1);
        const asked = say(group, sender, day, hour, minute, QUESTIONS[q]);
        if (random() < 0.95) {
          const answerer = pick(people.filter((p) => p !== sender));
          // 3–179 minutes later, never before the question (a reply that precedes its question is no reply: N5).
          const answeredAt = hour * 60 + minute + int(0, 2) * 60 + int(0, 56) + 3;
          say(group, answerer, day, Math.floor(answeredAt / 60), answeredAt % 60, ANSWERS[q], { replyTo: asked });
        }
      } else if (roll < 0.35) {
        say(group, sender, day, hour, minute, pick(ACKS));
      } else {
        say(group, sender, day, hour, minute, pick(CHAT));
      }
    }
  }
}
chatMonth(groups.onboarding, 56);
chatMonth(groups.sales, 40);
chatMonth(groups.mgmt, 22);

// Materials (C1, C2, C3): publishers post regularly; a learner posts a file (not allowed); the management
// group's last material is on the 3rd (stale by the end of the month).
for (const day of [2, 8, 14, 20, 27])
  say(groups.onboarding, 'chenjing', day, 10, 0, `第${day}日学习资料`, { type: 'file', fileName: `新员工培训-第${Math.ceil(day / 7)}周.pdf` });
for (const day of [5, 12, 19, 26]) say(groups.sales, 'zhaolei', day, 9, 30, '本周销售案例', { type: 'link' });
say(groups.sales, 's07', 16, 11, 20, '我整理的竞品分析', { type: 'file', fileName: '竞品分析-个人整理.xlsx' });
say(groups.mgmt, 'sunli', 3, 10, 0, '管理者必读：有效授权', { type: 'file', fileName: '有效授权.pdf' });

// Violations: what the content rules must find (N1 N2 N4 S1 S2 S4).
say(groups.onboarding, 'n09', 9, 15, 12, '你这个方案写得跟废物一样，重写吧');
say(groups.onboarding, 'n14', 10, 16, 40, '这都不会？丢人现眼');
say(groups.onboarding, 'n11', 13, 11, 5, '兼职刷单，日结 300，有意者加微信 abc_12345');
say(groups.onboarding, 'n16', 14, 20, 30, '听说要裁员了，大家早做准备');
say(groups.onboarding, 'n02', 17, 9, 50, '我的手机号 13812345678，有事随时找我');
say(groups.onboarding, 'n08', 21, 14, 2, '客户名单我发群里了，大家先看看', { recalled: true });
say(groups.onboarding, 'n10', 23, 10, 15, '转发一下上次的聊天', { type: 'chatrecord', forwarded: ['报价底价是八五折，别外传', '好的'] });
say(groups.sales, 's04', 7, 13, 30, '有需要代购的找我，扫码领取优惠');
say(groups.sales, 's06', 11, 10, 10, '产品代购渠道已报备，需要的同事私聊'); // covered by an exemption
say(groups.sales, 's10', 18, 17, 45, '这个合同底价是多少，谁知道？');
say(groups.sales, 's13', 24, 19, 5, '你真是个白痴');
say(groups.sales, 's13', 25, 9, 5, '蠢货才会这么报价');
say(groups.sales, 's13', 26, 9, 5, '别像个废物一样');
say(groups.mgmt, 'm06', 15, 16, 20, '调薪方案的初稿在我这，先别外传');
say(groups.mgmt, 'm02', 19, 11, 0, '身份证号 11010519491231002X 是谁的？报销单上填错了');
exemptions.push({
  exemption_id: 'ex-001',
  group_id: 'wrSkillSales',
  member_id: 's06',
  category: 'ads',
  valid_from: at(10, 0),
  valid_to: at(12, 23, 59),
  approved_by: 'wangfang',
});
// Unanswered questions (N5).
say(groups.mgmt, 'm07', 28, 15, 0, '下个月的季度复盘用什么模板？');
say(groups.sales, 's08', 29, 10, 0, '请问大客户折扣审批需要几级签字？');

// --- Assignments, submissions, tests, sessions ------------------------------------------------------
function assignment(group, id, title, announced, due) {
  assignments.push({ assignment_id: id, group_id: group.room, title, announced_at: announced, due_at: due });
}
assignment(groups.onboarding, 'on-a1', '公司制度测验作业', at(3, 9), at(9, 18));
assignment(groups.onboarding, 'on-a2', '产品知识总结', at(12, 10), at(13, 18)); // announced 32 h ahead (A2: 48 h)
assignment(groups.onboarding, 'on-a3', '入职心得', at(17, 9), at(27, 18));
assignment(groups.sales, 'sa-a1', '客户拜访计划', at(2, 9), at(10, 18));
assignment(groups.sales, 'sa-a2', '谈判案例复盘', at(14, 9), at(24, 18));
assignment(groups.mgmt, 'mg-a1', '团队现状诊断', at(5, 9), at(16, 18));
assignment(groups.mgmt, 'mg-a2', '授权计划', at(18, 9), at(30, 18));

function grade(quality) {
  const base = { high: 92, good: 84, mid: 70, low: 50 }[quality];
  return { accuracy: Math.min(100, base + int(-3, 5)), completeness: Math.min(100, base + int(-2, 8)), originality: Math.min(100, base + int(-6, 6)) };
}
const quality = new Map();
for (const group of Object.values(groups)) for (const id of group.learners) quality.set(id, pick(['high', 'good', 'good', 'mid', 'mid', 'low']));
quality.set('n01', 'high');
quality.set('s01', 'high');
quality.set('m01', 'high');
quality.set('n03', 'low');
quality.set('s12', 'low');
for (const a of assignments) {
  const group = Object.values(groups).find((g) => g.room === a.group_id);
  const dueDay = Number(a.due_at.slice(8, 10));
  for (const id of group.learners) {
    if (id === 'n18' || id === 'n19' || id === 'm09') continue;
    if (id === 'n03' && a.assignment_id !== 'on-a1') continue; // n03 stops submitting (fails)
    const late = id === 'n04' || id === 's11' || random() < 0.06;
    const submittedDay = late ? Math.min(dueDay + int(1, 2), 31) : Math.max(1, dueDay - int(0, 3));
    const ungraded = a.assignment_id === 'sa-a2' && (id === 's14' || id === 's15'); // T3: not graded
    const lateGrading = a.assignment_id === 'mg-a1' && id === 'm05'; // graded after 7 days (T3)
    const g = grade(quality.get(id));
    submissions.push({
      assignment_id: a.assignment_id,
      member_id: id,
      submitted_at: at(submittedDay, late ? 22 : int(10, 17), int(0, 59)),
      accuracy: ungraded ? '' : g.accuracy,
      completeness: ungraded ? '' : g.completeness,
      originality: ungraded ? '' : g.originality,
      graded_at: ungraded ? '' : lateGrading ? at(Math.min(submittedDay + 9, 31), 10) : at(Math.min(submittedDay + 1, 31), 15),
      grader_id: ungraded ? '' : group.admins[0],
    });
  }
}
for (const [group, testId, day] of [
  [groups.onboarding, 'on-t1', 16],
  [groups.sales, 'sa-t1', 21],
]) {
  for (const id of group.learners) {
    if (id === 'n18' || id === 'n19' || id === 'n13') continue; // n13 misses the test
    const base = { high: 94, good: 85, mid: 72, low: 48 }[quality.get(id)];
    tests.push({
      test_id: testId,
      group_id: group.room,
      member_id: id,
      taken_at: at(day, 14, int(0, 30)),
      score: Math.max(0, Math.min(100, base + int(-4, 4))),
      max_score: 100,
    });
  }
}
function session(group, id, announced, starts, ends, support) {
  sessions.push({
    session_id: id,
    group_id: group.room,
    announced_at: announced,
    starts_at: starts,
    ends_at: ends,
    platform: '腾讯会议',
    support_id: support ?? '',
  });
}
session(groups.onboarding, 'on-s1', at(6, 10), at(8, 19), at(8, 20, 30), 'liuyang');
session(groups.onboarding, 'on-s2', at(22, 9), at(22, 19), at(22, 20, 30), 'liuyang'); // announced 10 h ahead (T1)
session(groups.sales, 'sa-s1', at(10, 9), at(15, 19), at(15, 21), null); // no technical support (T1)
session(groups.mgmt, 'mg-s1', at(1, 9), at(9, 19), at(9, 21), 'sunli');
for (const s of sessions) {
  const group = Object.values(groups).find((g) => g.room === s.group_id);
  for (const id of group.learners) {
    if (id === 'n18' || id === 'n19' || id === 'm09' || id === 'n03' || id === 's12') continue;
    if (random() < 0.15) continue;
    const startMinute = int(0, 10);
    attendance.push({ session_id: s.session_id, member_id: id, joined_at: `${s.starts_at.slice(0, 14)}${pad(startMinute)}:00`, left_at: s.ends_at });
  }
}

messages.sort((a, b) => (a.sent_at < b.sent_at ? -1 : a.sent_at > b.sent_at ? 1 : a.message_id < b.message_id ? -1 : 1));

// --- Write ------------------------------------------------------------------------------------------
function csv(rows, columns) {
  const cell = (v) => {
    const t = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}
const jsonl = (rows) => `${rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '' && v !== false)))).join('\n')}\n`;
const bundleFiles = ({ employees, members, applications, exits, messages, assignments, submissions, tests, sessions, attendance, exemptions }) => ({
  'employees.csv': csv(employees, ['employee_id', 'name', 'department', 'position', 'employment_status', 'hire_date', 'leave_date']),
  'members.csv': csv(members, ['group_id', 'member_id', 'name', 'joined_at', 'left_at', 'role', 'invited_by']),
  'applications.csv': csv(applications, [
    'application_id',
    'group_id',
    'applicant_id',
    'name',
    'department',
    'position',
    'purpose',
    'submitted_at',
    'reviewer_id',
    'decision',
    'decided_at',
  ]),
  'exits.csv': csv(exits, ['group_id', 'member_id', 'requested_at', 'approver_id', 'decision', 'decided_at']),
  'messages.jsonl': jsonl(messages),
  'assignments.csv': csv(assignments, ['assignment_id', 'group_id', 'title', 'announced_at', 'due_at']),
  'submissions.csv': csv(submissions, ['assignment_id', 'member_id', 'submitted_at', 'accuracy', 'completeness', 'originality', 'graded_at', 'grader_id']),
  'tests.csv': csv(tests, ['test_id', 'group_id', 'member_id', 'taken_at', 'score', 'max_score']),
  'sessions.csv': csv(sessions, ['session_id', 'group_id', 'announced_at', 'starts_at', 'ends_at', 'platform', 'support_id']),
  'attendance.csv': csv(attendance, ['session_id', 'member_id', 'joined_at', 'left_at']),
  'exemptions.csv': csv(exemptions, ['exemption_id', 'group_id', 'member_id', 'category', 'valid_from', 'valid_to', 'approved_by']),
});
let stale = false;
function writeBundle(month, tables) {
  const dir = `${root}examples/data/${month}/`;
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(bundleFiles(tables))) {
    const path = dir + name;
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
        console.error(`stale: examples/data/${month}/${name}; run node scripts/gen-example-data.mjs`);
        stale = true;
      }
    } else {
      writeFileSync(path, content);
    }
  }
  console.log(
    `${check ? 'checked' : 'wrote'} examples/data/${month}: ${tables.members.length} member rows, ${tables.messages.length} messages, ${tables.submissions.length} submissions`,
  );
}
const october = { employees, members, applications, exits, messages, assignments, submissions, tests, sessions, attendance, exemptions };
writeBundle('2026-10', october);

// --- August and September: the sales and management groups before October ---------------------------
// The same people (rows copied from October's tables, so names, join times and applications agree); the
// onboarding group starts in October (its learners were hired on 1 September). s09 joins on 24 August;
// s16 is in the sales group in August and leaves on 10 September with an approved exit; m09 joins on
// 1 September and stays silent. The arcs the archive example shows (trend columns, R2 escalation):
//   s07 fail → pass → good (improves most); s12 pass → fail → fail (escalated in October);
//   m09 fail → fail (escalated in October); and the sales policy's overall pass threshold rises from 30
//   to 40 in September (scripts/example-archive.mjs evaluates August with the older line), so members whose work stays at pass in every
//   dimension go from pass to fail without learning worse.
const EARLIER = [
  {
    month: 8,
    days: 31,
    seed: 20260801,
    quality: { s02: 'good', s04: 'mid', s06: 'mid', s07: 'low', s08: 'mid', s12: 'mid', m05: 'mid', m08: 'good' },
    quiet: [],
  },
  {
    month: 9,
    days: 30,
    seed: 20260901,
    quality: { s02: 'mid', s04: 'good', s06: 'good', s07: 'good', s08: 'good', s12: 'low', m05: 'good', m08: 'good' },
    quiet: ['s12', 'm09'],
  },
];
const EARLIER_ROOMS = new Set([groups.sales.room, groups.mgmt.room]);
seed = 20260800;
const s16 = { employee_id: 's16', name: personName(), department: '大客户部', position: '客户经理', employment_status: '正式', hire_date: '2025-03-01' };
const s16Member = { group_id: groups.sales.room, member_id: 's16', joined_at: '2026-08-03 09:12:00', role: 'member', invited_by: 'wangfang', name: s16.name };
const S16_LEFT = '2026-09-10 17:00:00';

function earlierMonth(plan) {
  seed = plan.seed;
  const mm = pad(plan.month);
  const on = (day, hour, minute = 0, second = 0) => at(day, hour, minute, second, plan.month);
  const monthEnd = `2026-${mm}-${plan.days} 23:59:59`;
  const t = {
    employees: [],
    members: [],
    applications: [],
    exits: [],
    messages: [],
    assignments: [],
    submissions: [],
    tests: [],
    sessions: [],
    attendance: [],
    exemptions: [],
  };
  const leftHere = plan.month >= 9;
  t.employees = [...employees, { ...s16, leave_date: leftHere ? S16_LEFT.slice(0, 10) : '' }]
    .filter((e) => e.hire_date <= monthEnd)
    .map((e) => (e.leave_date > monthEnd ? { ...e, leave_date: '' } : e));
  t.members = [...members.filter((m) => EARLIER_ROOMS.has(m.group_id)), { ...s16Member, left_at: leftHere ? S16_LEFT : '' }].filter(
    (m) => m.joined_at <= monthEnd,
  );
  const present = new Set(t.members.map((m) => m.member_id));
  t.applications = [
    ...applications.filter((a) => EARLIER_ROOMS.has(a.group_id) && present.has(a.applicant_id)),
    {
      ...applications.find((a) => a.applicant_id === 's01'),
      application_id: 'app-s16',
      applicant_id: 's16',
      name: s16.name,
      department: s16.department,
      position: s16.position,
    },
  ];
  if (leftHere)
    t.exits.push({
      group_id: groups.sales.room,
      member_id: 's16',
      requested_at: on(8, 10),
      approver_id: 'wangfang',
      decision: 'approved',
      decided_at: on(9, 11),
    });

  const learnersOf = (group) => t.members.filter((m) => m.group_id === group.room && m.role === 'member').map((m) => m.member_id);
  const gone = (id, day) => id === 's16' && leftHere && day >= 10;
  let seq = 0;
  function post(group, sender, day, hour, minute, content, extra = {}) {
    const id = `msg-26${mm}-${String(++seq).padStart(5, '0')}`;
    t.messages.push({
      message_id: id,
      group_id: group.room,
      sender_id: sender,
      sent_at: on(day, hour, minute, int(0, 59)),
      type: extra.type ?? 'text',
      content,
      reply_to: extra.replyTo ?? '',
      file_name: extra.fileName ?? '',
      recalled: false,
    });
    return id;
  }
  for (const [group, volume] of [
    [groups.sales, 40],
    [groups.mgmt, 22],
  ]) {
    const people = [...learnersOf(group).filter((id) => !plan.quiet.includes(id)), ...group.admins];
    for (let day = 1; day <= plan.days; day++) {
      const weekday = new Date(Date.UTC(2026, plan.month - 1, day)).getUTCDay();
      const count = weekday === 0 || weekday === 6 ? Math.floor(volume / 4) : volume;
      for (let k = 0; k < count; k++) {
        const sender = pick(people);
        if (gone(sender, day) || day < 3) continue;
        const hour = int(9, 20);
        const minute = int(0, 59);
        const roll = random();
        if (roll < 0.12) {
          const q = int(0, QUESTIONS.length - 1);
          const asked = post(group, sender, day, hour, minute, QUESTIONS[q]);
          const answerer = pick(people.filter((p) => p !== sender && !gone(p, day)));
          const answeredAt = hour * 60 + minute + int(0, 2) * 60 + int(0, 56) + 3;
          post(group, answerer, day, Math.floor(answeredAt / 60), answeredAt % 60, ANSWERS[q], { replyTo: asked });
        } else if (roll < 0.35) post(group, sender, day, hour, minute, pick(ACKS));
        else post(group, sender, day, hour, minute, pick(CHAT));
      }
    }
  }
  for (const day of [4, 11, 18, 25]) post(groups.sales, 'zhaolei', day, 9, 30, '本周销售案例', { type: 'link' });
  for (const day of [4, 18]) post(groups.mgmt, 'sunli', day, 10, 0, '管理者必读', { type: 'file', fileName: `管理者必读-${mm}-${day}.pdf` });
  if (plan.month === 8) post(groups.sales, 's04', 12, 14, 20, '加我微信，私聊优惠价'); // N4 in August
  if (plan.month === 9) post(groups.sales, 's13', 9, 16, 5, '你这样报价真是没脑子'); // N1 in September

  const quality = new Map();
  for (const group of [groups.sales, groups.mgmt])
    for (const id of learnersOf(group)) quality.set(id, plan.quality[id] ?? pick(['high', 'good', 'good', 'mid']));
  const work = [
    [groups.sales, `sa-${mm}-a1`, '客户需求分析', 3, 12],
    [groups.sales, `sa-${mm}-a2`, '方案演示复盘', 15, 25],
    [groups.mgmt, `mg-${mm}-a1`, '团队目标拆解', 4, 15],
  ];
  for (const [group, id, title, announced, due] of work) {
    t.assignments.push({ assignment_id: id, group_id: group.room, title, announced_at: on(announced, 9), due_at: on(due, 18) });
    for (const member of learnersOf(group)) {
      if (gone(member, due) || (member === 'm09' && plan.quiet.includes('m09'))) continue;
      const late = random() < 0.06;
      const submittedDay = late ? Math.min(due + int(1, 2), plan.days) : Math.max(1, due - int(0, 3));
      const g = grade(quality.get(member));
      t.submissions.push({
        assignment_id: id,
        member_id: member,
        submitted_at: on(submittedDay, late ? 22 : int(10, 17), int(0, 59)),
        ...g,
        graded_at: on(Math.min(submittedDay + 1, plan.days), 15),
        grader_id: group.admins[0],
      });
    }
  }
  for (const member of learnersOf(groups.sales)) {
    if (gone(member, 20)) continue;
    const base = { high: 94, good: 85, mid: 72, low: 48 }[quality.get(member)];
    t.tests.push({
      test_id: `sa-${mm}-t1`,
      group_id: groups.sales.room,
      member_id: member,
      taken_at: on(20, 14, int(0, 30)),
      score: Math.max(0, Math.min(100, base + int(-4, 4))),
      max_score: 100,
    });
  }
  for (const [group, id, announced, day, support] of [
    [groups.sales, `sa-${mm}-s1`, 5, 10, 'zhaolei'],
    [groups.mgmt, `mg-${mm}-s1`, 2, 11, 'sunli'],
  ]) {
    const starts = on(day, 19);
    const ends = on(day, 21);
    t.sessions.push({
      session_id: id,
      group_id: group.room,
      announced_at: on(announced, 10),
      starts_at: starts,
      ends_at: ends,
      platform: '腾讯会议',
      support_id: support,
    });
    for (const member of learnersOf(group)) {
      if (gone(member, day) || plan.quiet.includes(member) || random() < 0.1) continue;
      t.attendance.push({ session_id: id, member_id: member, joined_at: `${starts.slice(0, 14)}${pad(int(0, 10))}:00`, left_at: ends });
    }
  }
  t.messages.sort((a, b) => (a.sent_at < b.sent_at ? -1 : a.sent_at > b.sent_at ? 1 : a.message_id < b.message_id ? -1 : 1));
  return t;
}
for (const plan of EARLIER) writeBundle(`2026-${pad(plan.month)}`, earlierMonth(plan));
if (check && stale) process.exit(1);
