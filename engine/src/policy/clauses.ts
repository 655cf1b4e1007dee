// The regulation's clauses (seed: training-group-regulation.zh-Hant.txt, listed in CLAUSES.md), with
// our own one-line summaries. Kept in the repo because a user's clone has no ../shared; a test checks
// the ids and kinds against CLAUSES.md where it is present. Used by hover docs, findings and render.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';

export type ClauseKind = 'doc' | 'policy' | 'engine';

export interface Clause {
  id: string;
  chapter: 'G' | 'M' | 'A' | 'C' | 'T' | 'N' | 'E' | 'R' | 'S';
  /** What the platform does with it: a policy field, an engine check, or text in the rendered document. */
  kinds: ClauseKind[];
  summary: LocalizedText;
}

const c = (id: string, kinds: ClauseKind[], zh: string, en: string): Clause => ({
  id,
  chapter: id[0] as Clause['chapter'],
  kinds,
  summary: localized(zh, en),
});

export const clauses: readonly Clause[] = [
  c('G1', ['doc'], '目的：规范培训群的管理，保证正常运营与良好沟通', 'Purpose: keep training groups well run and communicating'),
  c('G2', ['policy'], '适用范围：新员工、业务技能提升、管理等各类培训群', 'Scope: every kind of training group (new-employee, skill, management…)'),
  c('G3', ['doc'], '基本原则：守法合规、积极向上、规范有序、保守秘密', 'Principles: lawful, positive, orderly, confidential'),
  c(
    'M1',
    ['policy', 'engine'],
    '入群须经指定人员审核，申请人提供姓名、部门、职位和目的',
    'Joining needs an approved application with name, department, position and purpose',
  ),
  c('M2', ['policy', 'engine'], '成员须为正式员工，且与培训主题相关或有培训需要', 'Members are formal employees related to or needing the training'),
  c('M3', ['engine'], '成员职责：按时学习、积极交流、遵守纪律、反馈问题', 'Duties: study on time, take part, keep discipline, report problems'),
  c('M4', ['engine'], '主动退群须先告知管理员并获同意', 'Leaving needs the admin told first and their consent'),
  c('M5', ['policy', 'engine'], '违规或长期不参与的成员可由管理员移出', 'Members who break the rules or stay inactive may be removed'),
  c('A1', ['policy'], '管理员负责建群、审核入群、移出成员和群设置', 'Admins create the group, review joins, remove members, adjust settings'),
  c('A2', ['engine'], '管理员及时发布通知、日程和作业要求', 'Admins publish notices, schedules and assignment requirements in time'),
  c('A3', ['engine'], '管理员监督群内言行，及时制止违规', 'Admins watch the group and stop violations'),
  c('A4', ['engine'], '管理员做好记录，定期总结并向培训部门汇报', "Admins keep records and report members' learning regularly"),
  c('C1', ['policy', 'engine'], '培训内容发布前须经培训部门审核', 'Materials are reviewed by the training department before publishing'),
  c('C2', ['engine'], '资料发布清晰，注明发布时间和发布人', 'Materials are posted clearly with time and publisher'),
  c('C3', ['policy', 'engine'], '按培训计划定期更新内容', 'Content is updated regularly following the plan'),
  c(
    'T1',
    ['policy', 'engine'],
    '直播培训提前通知时间、平台和参与方式，并指定技术支持',
    'Live sessions are announced in advance with platform, how to join and a support person',
  ),
  c('T2', ['doc'], '在线讨论提前设定话题，管理员引导节奏', 'Discussions have topics set in advance; the admin guides the pace'),
  c('T3', ['policy', 'engine'], '成员按时提交作业，讲师或管理员及时批改反馈', 'Assignments are submitted on time and graded promptly'),
  c('N1', ['policy', 'engine'], '文明用语，不得侮辱、歧视或攻击他人', 'Civil language: no insults, discrimination or aggression'),
  c('N2', ['policy', 'engine'], '尊重他人，不得嘲讽、诋毁或人身攻击', 'Respect: no mockery, slander or personal attacks'),
  c('N3', ['doc'], '发言与培训内容相关', 'Post what relates to the training'),
  c(
    'N4',
    ['policy', 'engine'],
    '不得发布广告、推销、谣言或低俗内容；工作需要须事先报备',
    'No ads, sales, rumours or vulgar content unless reported in advance',
  ),
  c('N5', ['policy', 'engine'], '及时回应他人的提问和求助', "Answer others' questions and requests promptly"),
  c('N6', ['doc'], '暂时无法回答时说明情况并承诺稍后答复', 'If you cannot answer now, say so and promise a later answer'),
  c('E1', ['policy'], '作业从准确性、完整性、创新性评估', 'Assignments are assessed on accuracy, completeness and originality'),
  c('E2', ['engine'], '不定期组织在线测试', 'Online tests are held from time to time'),
  c('E3', ['policy'], '参与度从发言频率、互动质量、提交及时性评估', 'Participation is assessed on frequency, interaction quality and timeliness'),
  c('E4', ['policy', 'engine'], '作业按档位评为优秀、良好、合格、不合格', 'Assignment ratings by ordered bands'),
  c('E5', ['policy', 'engine'], '测试按分数档位评级', 'Test ratings by score bands'),
  c('E6', ['policy', 'engine'], '参与度按多项指标档位评级', 'Participation ratings by bands on several metrics'),
  c('R1', ['policy', 'engine'], '考核结果与绩效挂钩：优秀加分，不合格扣分', 'Results feed performance points: excellent earns, fail loses'),
  c(
    'R2',
    ['policy', 'engine'],
    '优秀者进阶培训或晋升机会；不合格者补考或辅导，再不合格调整岗位',
    'Excellent: further training; fail: retake or coaching, then a change of post',
  ),
  c(
    'S1',
    ['policy', 'engine'],
    '未公开的业务、技术、财务和客户信息属于保密内容',
    'Unpublished business, technical, financial and customer information is confidential',
  ),
  c('S2', ['policy', 'engine'], '未发布的政策、战略和培训教材同属保密范围', 'Unreleased policies, strategy and training material are confidential'),
  c('S3', ['doc'], '发布前自查，不确定时先咨询管理员', 'Check before posting; ask the admin when unsure'),
  c('S4', ['engine'], '不得将保密内容转发给外部人员或非授权场合', 'Never forward confidential content to outsiders'),
  c('S5', ['engine'], '离职时交接保密信息并承诺不泄露', 'Leavers hand over confidential information and keep it secret'),
];

export const clauseById: ReadonlyMap<string, Clause> = new Map(clauses.map((clause) => [clause.id, clause]));
