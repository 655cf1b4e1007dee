// The policy `qungui init` writes: every setting present with a sensible default and a comment saying
// what it means, so a training officer can read it top to bottom and change the numbers.
import { createHash } from 'node:crypto';
import { PLACEHOLDER_ROOM } from '../policy/rules/template-placeholder.js';

export type GroupKind = 'new-employee' | 'skill' | 'management';

export interface InitAnswers {
  kind: GroupKind;
  name: string;
  groups: string[];
  id?: string;
}

/** A stable id from the name (ids are ASCII; names are usually Chinese). */
export function defaultPolicyId(kind: GroupKind, name: string): string {
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${kind}-${hash}`;
}

const defaults: Record<GroupKind, { inactiveDays: number; maxViolations: number; replyHours: number; gradingDays: number; status: string; extra: string }> = {
  // The regulation (M2) admits formal employees only; a new-employee group that also takes people on
  // probation is the company's own decision, so the template says how to make it rather than making it.
  'new-employee': {
    inactiveDays: 21,
    maxViolations: 3,
    replyHours: 24,
    gradingDays: 3,
    status: '[正式]        # 制度要求成员为正式员工（M2）；如本公司允许试用期员工入群，改为 [正式, 试用]',
    extra: '',
  },
  skill: { inactiveDays: 30, maxViolations: 2, replyHours: 12, gradingDays: 5, status: '[正式]', extra: '' },
  management: {
    inactiveDays: 30,
    maxViolations: 2,
    replyHours: 48,
    gradingDays: 7,
    status: '[正式]',
    extra: '    positions: [经理, 副经理, 主管]     # 只接收这些职位\n',
  },
};

function quote(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _\-·（）()]*$/u.test(text) ? text : JSON.stringify(text);
}

export function policyTemplate(answers: InitAnswers): string {
  const d = defaults[answers.kind];
  const id = answers.id ?? defaultPolicyId(answers.kind, answers.name);
  const groups = answers.groups.length ? answers.groups.map(quote).join(', ') : PLACEHOLDER_ROOM;
  return `# ${answers.name} 的群规（由 qungui init 生成）。改动后运行 npx qungui validate 检查。
# 每项设置旁的注释说明其含义；条款编号（M1、N4…）对应《微信培训群管理制度》。
apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata:
  id: ${id}                 # 群规编号：小写字母、数字、连字符，全公司唯一
  name: ${quote(answers.name)}
  kind: ${answers.kind}       # new-employee 新员工 / skill 技能提升 / management 管理培训（G2）
  timezone: Asia/Shanghai
groups: [${groups}]   # 本群规管辖的群聊 ID（企业微信 roomid），一个群只能属于一份群规（G2）
admins: []                          # 管理员的成员 ID（A1）

ratings:                            # 评级，从高到低；其他地方按 id 引用（E4–E6）
  - { id: excellent, label: 优秀, labelEn: Excellent }
  - { id: good, label: 良好, labelEn: Good }
  - { id: pass, label: 合格, labelEn: Pass }
  - { id: fail, label: 不合格, labelEn: Fail }

membership:
  application:                      # 入群申请（M1）
    requiredFields: [name, department, position, purpose]
    reviewers: []                   # 审核人的成员 ID
  eligibility:                      # 成员资格（M2）
    employmentStatus: ${d.status}
${d.extra}  exit:
    requireApproval: true           # 退群须经管理员同意（M4）
  removal:                          # 移出候选（M5）
    maxViolations: ${d.maxViolations}                # 当月违规超过此数
    inactiveDays: ${d.inactiveDays}                 # 连续多少天不发言、不交作业、不参加直播

publishing:
  updateIntervalDays: 7             # 两次发布新资料的最长间隔（C3）
  noticeHours: 48                   # 作业至少提前多少小时发布（A2）

activities:
  sessionNoticeHours: 24            # 直播至少提前多少小时通知（T1）
  requireSupport: true              # 每场直播指定技术支持（T1）
  gradingDays: ${d.gradingDays}                     # 作业提交后几天内批改（T3）

content:
  allow: [路口交通]                 # 白名单：与之重叠的匹配不报告
  categories:
    - id: insult
      label: 侮辱攻击
      labelEn: Insults
      clause: N1
      severity: error
      terms: [废物, 蠢货, 白痴, 脑残]
    - id: ads
      label: 广告推销
      labelEn: Ads and sales pitches
      clause: N4
      severity: error
      exemptible: true              # 事先报备（報備）后不计违规
      terms: [加微信, 代购, 兼职刷单, 扫码领取]
    - id: confidential
      label: 涉密信息
      labelEn: Confidential information
      clause: S1
      confidential: true
      terms: [客户名单, 报价底价]
  detectors: [phone, id-card, bank-card, email]   # 自动识别个人信息（S1）

responsiveness:
  questionReplyHours: ${d.replyHours}            # 提问须在多少小时内得到他人答复（N5）

confidentiality:
  handoverAction: handover          # 离职人员的处理措施（S5）

assessment:
  assignments:                      # 作业：从上到下，第一档满足的生效，最后一档兜底（E4）
    bands:
      - { rating: excellent, min: { accuracy: 90, completeness: 100, originality: 80 } }
      - { rating: good, min: { accuracy: 80, completeness: 80 } }
      - { rating: pass, min: { accuracy: 60, completeness: 60 } }
      - { rating: fail }
  tests:                            # 测试平均分（E5）
    bands:
      - { rating: excellent, min: 90 }
      - { rating: good, min: 80 }
      - { rating: pass, min: 60 }
      - { rating: fail }
  participation:                    # 参与度（E6）
    bands:
      - { rating: excellent, min: { activeDays: 15, contentMessages: 30 } }
      - { rating: good, min: { activeDays: 10, contentMessages: 15 } }
      - { rating: pass, min: { activeDays: 5 } }
      - { rating: fail }
  overall:                          # 综合评级：各维度加权
    method: weighted
    weights: { assignments: 0.4, tests: 0.4, participation: 0.2 }
    bands:
      - { rating: excellent, min: 85 }
      - { rating: good, min: 65 }
      - { rating: pass, min: 40 }
      - { rating: fail }

outcomes:
  actions:                          # 后续措施（R2）
    - { id: advanced-training, label: 进阶培训, labelEn: Advanced training }
    - { id: retake, label: 补考, labelEn: Retake }
    - { id: coaching, label: 辅导, labelEn: Coaching }
    - { id: reassign, label: 调整培训岗位, labelEn: Change of training post }
    - { id: handover, label: 离职交接并移出群聊, labelEn: Handover and removal }
  points: { excellent: 5, good: 2, pass: 0, fail: -3 }   # 绩效加减分（R1）
  followUp:
    excellent: [advanced-training]
    fail: [retake, coaching]
  escalation: { rating: fail, afterConsecutive: 2, action: reassign }   # 连续两个月不合格
`;
}
