// Builds the regulation a group's members read from a policy: the seed's chapters, in our own words,
// with every [X] of the seed replaced by the policy's numbers (or a visible gap), bands as tables and
// ratings by their labels. Pure: policy value in, RegulationDocument out.
import { bandTables, dimensionShortName, type BandTable, type Dimension } from '../policy/model/band-tables.js';
import { DETECTOR_LABELS, METRICS } from '../policy/model/catalogue.generated.js';
import { DEFAULT_TIMEZONE, schemaDefault } from '../policy/model/defaults.js';
import { at, isRec, list, num, str } from '../policy/model/view.js';
import type { Block, Chapter, Inline, RegulationDocument, Section } from './document-model.js';
import { localized, say, sayPair, type MessageParams } from '../i18n/localized-text.js';

import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
type T = (zh: string, en: string, params?: MessageParams) => string;

interface Ctx {
  policy: unknown;
  locale: Locale;
  t: T;
  gaps: string[];
}

/** A value from the policy, or a gap when it is missing. */
function value(ctx: Ctx, path: string[], format: (v: unknown) => string = String): Inline {
  const v = at(ctx.policy, ...path);
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
    ctx.gaps.push(path.join('.'));
    return { gap: path.join('.'), path: path.join('.') };
  }
  return { value: format(v), path: path.join('.') };
}

const p = (...text: Inline[]): Block => ({ kind: 'paragraph', text });
const items = (...rows: Inline[][]): Block => ({ kind: 'list', items: rows });

function joinList(ctx: Ctx, values: unknown[]): string {
  return values.map(String).join(say(ctx.locale, '、', ', '));
}

function ratingLabel(ctx: Ctx, id: string): string {
  const rating = list(at(ctx.policy, 'ratings')).find((r) => at(r, 'id') === id);
  if (!rating) return id;
  return ctx.locale === 'en' ? (str(at(rating, 'labelEn')) ?? id) : (str(at(rating, 'label')) ?? id);
}

function actionLabel(ctx: Ctx, id: string): string {
  const action = list(at(ctx.policy, 'outcomes', 'actions')).find((a) => at(a, 'id') === id);
  if (!action) return id;
  return ctx.locale === 'en' ? (str(at(action, 'labelEn')) ?? id) : (str(at(action, 'label')) ?? id);
}

function metricName(ctx: Ctx, metric: string): string {
  return METRICS[metric]?.label[ctx.locale] ?? metric;
}

// The threshold units of the schema (x-threshold-unit) in words; a count of messages or answers needs
// no word in English ("content messages ≥ 20").
const UNIT_TEXT: Record<string, LocalizedText> = {
  天: localized('天', 'days'),
  分: localized('分', 'points'),
  次: localized('次', 'times'),
  条: localized('条', ''),
  个: localized('个', ''),
};

/** "90%", "15 天", "80 分": a threshold with the unit the regulation writes it in. */
function withUnit(ctx: Ctx, metric: string, value: number): string {
  const unit = METRICS[metric]?.thresholdUnit;
  if (!unit) return String(value);
  if (unit === '%') return `${value}%`;
  const word = UNIT_TEXT[unit]?.[ctx.locale] ?? unit;
  return word ? `${value} ${word}` : String(value);
}

/** The zone as people say it; the IANA name only where no common name fits. */
function zoneText(ctx: Ctx, zone: string): string {
  const names: Record<string, [string, string]> = {
    'Asia/Shanghai': ['北京时间', 'China Standard Time (Beijing)'],
    'Asia/Hong_Kong': ['香港时间', 'Hong Kong time'],
    'Asia/Macau': ['澳门时间', 'Macau time'],
    'Asia/Taipei': ['台北时间', 'Taipei time'],
    'Asia/Singapore': ['新加坡时间', 'Singapore time'],
  };
  const known = names[zone];
  return known ? sayPair(ctx.locale, known) : zone;
}

const KIND_TEXT: Record<string, [string, string]> = {
  'new-employee': ['新员工培训', 'new-employee training'],
  skill: ['业务技能提升培训', 'skill-improvement training'],
  management: ['管理培训', 'management training'],
  other: ['其他培训', 'other training'],
};

const FIELD_TEXT: Record<string, [string, string]> = {
  name: ['真实姓名', 'real name'],
  department: ['部门', 'department'],
  position: ['职位', 'position'],
  purpose: ['入群目的', 'purpose'],
};

function general(ctx: Ctx): Section[] {
  const { t } = ctx;
  const name = str(at(ctx.policy, 'metadata', 'name')) ?? '';
  const kind = KIND_TEXT[str(at(ctx.policy, 'metadata', 'kind')) ?? 'other'] ?? KIND_TEXT.other!;
  const description = str(at(ctx.policy, 'metadata', 'description'));
  return [
    {
      title: t('目的', 'Purpose'),
      clauses: ['G1'],
      blocks: [
        p(
          t(
            '为使“{name}”运行有序、交流顺畅、培训见效，制定本群规。',
            'These rules keep "{name}" orderly, its conversation useful and its training effective.',
            { name },
          ),
        ),
        ...(description ? [p(description)] : []),
      ],
    },
    {
      title: t('适用范围', 'Scope'),
      clauses: ['G2'],
      blocks: [
        p(
          t('本群规适用于本{kind}群（共 ', 'These rules govern this {kind} group (', { kind: localized(kind[0], kind[1]) }),
          value(ctx, ['groups'], (v) => String(list(v).length)),
          t(' 个群聊）。文中的日期与时间按', ' chat room(s)). Dates and times are in '),
          value(ctx, ['metadata', 'timezone'], (v) => zoneText(ctx, String(v))),
          t('计算。', '.'),
        ),
      ],
    },
    {
      title: t('基本原则', 'Principles'),
      clauses: ['G3'],
      blocks: [
        items(
          [t('守法合规：群内一切交流遵守国家法律法规和公司规章。', 'Lawful: everything said here follows the law and company rules.')],
          [t('积极向上：鼓励分享知识、经验与心得，营造健康的学习氛围。', 'Positive: share knowledge and experience; keep the tone healthy.')],
          [t('规范有序：成员职责明确，交流围绕培训进行。', 'Orderly: clear duties, conversation about the training.')],
          [t('保守秘密：涉及公司商业秘密和敏感信息的内容严格保密。', 'Confidential: company secrets and sensitive information stay secret.')],
        ),
      ],
    },
  ];
}

function members(ctx: Ctx): Section[] {
  const { t } = ctx;
  const fields = list(at(ctx.policy, 'membership', 'application', 'requiredFields'));
  const eligibility = at(ctx.policy, 'membership', 'eligibility');
  const eligibilityText: Inline[] = [t('入群成员须为', 'Members must be ')];
  eligibilityText.push(value(ctx, ['membership', 'eligibility', 'employmentStatus'], (v) => joinList(ctx, list(v))));
  eligibilityText.push(t('员工', ' employees'));
  if (list(at(eligibility, 'departments')).length)
    eligibilityText.push(
      t('，所属部门为', ' in '),
      value(ctx, ['membership', 'eligibility', 'departments'], (v) => joinList(ctx, list(v))),
    );
  if (list(at(eligibility, 'positions')).length)
    eligibilityText.push(
      t('，职位为', ', holding the position '),
      value(ctx, ['membership', 'eligibility', 'positions'], (v) => joinList(ctx, list(v))),
    );
  if (str(at(eligibility, 'expression'))) eligibilityText.push(t('，并满足条件 ', ', and meet '), value(ctx, ['membership', 'eligibility', 'expression']));
  eligibilityText.push(t('，且与本培训主题相关或确有培训需要。', ', related to the training or needing it.'));
  const requireExit = at(ctx.policy, 'membership', 'exit', 'requireApproval') !== false;
  return [
    {
      title: t('入群申请', 'Joining'),
      clauses: ['M1'],
      blocks: [
        p(
          t('申请入群须填写', "An application gives the applicant's "),
          fields.length
            ? {
                value: fields.map((f) => (FIELD_TEXT[String(f)] ? sayPair(ctx.locale, FIELD_TEXT[String(f)]!) : String(f))).join(say(ctx.locale, '、', ', ')),
                path: 'membership.application.requiredFields',
              }
            : value(ctx, ['membership', 'application', 'requiredFields']),
          t('，由指定审核人（', ', and is reviewed by the designated reviewers ('),
          value(ctx, ['membership', 'application', 'reviewers'], (v) => String(list(v).length)),
          t(' 名）审核；审核通过后由管理员邀请入群。', '); once approved, an admin invites the applicant.'),
        ),
      ],
    },
    { title: t('成员资格', 'Who may join'), clauses: ['M2'], blocks: [p(...eligibilityText)] },
    {
      title: t('成员职责', 'Duties'),
      clauses: ['M3'],
      blocks: [
        items(
          [t('认真学习，按时完成培训任务。', 'Study and finish tasks on time.')],
          [t('主动分享经验和心得，与其他成员互动。', 'Share experience and take part in the conversation.')],
          [t('遵守本群规，不发布与培训无关的内容。', 'Keep these rules; post nothing unrelated to the training.')],
          [t('遇到问题及时向管理员反映。', 'Tell the admins about problems early.')],
        ),
      ],
    },
    {
      title: t('退群', 'Leaving'),
      clauses: ['M4'],
      blocks: [
        p(
          requireExit
            ? t(
                '成员因个人原因退群，须先向管理员提出申请，经同意后退出；未经批准自行退群的，将记录在月度报告中。',
                'A member who wishes to leave asks the admins first and leaves once they agree; leaving without approval is recorded in the monthly report.',
              )
            : t('成员可自行退群，建议事先告知管理员。', 'Members may leave on their own; telling the admins first is appreciated.'),
        ),
      ],
    },
    {
      title: t('移出', 'Removal'),
      clauses: ['M5'],
      blocks: [
        p(
          t('当月违规超过 ', 'A member with more than '),
          value(ctx, ['membership', 'removal', 'maxViolations']),
          t(' 次，或连续 ', ' violations in a month, or with no message, submission or attendance for '),
          value(ctx, ['membership', 'removal', 'inactiveDays']),
          t(
            ' 天没有发言、提交作业或参加直播（且入群已满该天数）的成员，列为移出候选，由管理员决定是否移出。',
            ' days in a row (and a member at least that long), is a removal candidate; the admins decide.',
          ),
        ),
      ],
    },
  ];
}

function administration(ctx: Ctx): Section[] {
  const { t } = ctx;
  const types = list(at(ctx.policy, 'publishing', 'materialTypes'));
  const typeText = (types.length ? types : schemaDefault('publishing.materialTypes'))
    .map((k) => ({ file: t('文件', 'files'), link: t('链接', 'links'), video: t('视频', 'videos') })[String(k) as 'file'] ?? String(k))
    .join(say(ctx.locale, '、', ', '));
  const publishers = list(at(ctx.policy, 'publishing', 'publishers'));
  const support = at(ctx.policy, 'activities', 'requireSupport') !== false;
  const minutes = num(at(ctx.policy, 'activities', 'minAttendanceMinutes'));
  const grace = num(at(ctx.policy, 'activities', 'lateGraceHours')) ?? 0;
  return [
    {
      title: t('管理员职责', 'Admins'),
      clauses: ['A1', 'A3', 'A4'],
      blocks: [
        p(
          t('本群设管理员 ', 'This group has '),
          value(ctx, ['admins'], (v) => String(list(v).length)),
          t(' 名，名单见群公告。', ' admin(s), named in the group notice.'),
        ),
        items(
          [t('建群与维护：审核入群、移出成员、调整群设置。', 'Create and maintain the group: review joins, remove members, adjust settings.')],
          [
            t(
              '日常管理：关注群内交流，及时制止违规（月度报告中的违规清单即管理员的处理清单）。',
              "Watch the conversation and stop violations (the monthly violations list is the admins' work queue).",
            ),
          ],
          [t('记录与汇报：每月总结成员学习情况，报送培训部门。', "Keep records and report members' learning to the training department every month.")],
        ),
      ],
    },
    {
      title: t('内容发布', 'Publishing materials'),
      clauses: ['A2', 'C1', 'C2', 'C3'],
      blocks: [
        items(
          [
            t(
              '培训资料（{typeText}）由培训部门审核后，由管理员、讲师或指定发布人发布',
              'Materials ({typeText}) are reviewed by the training department and posted by admins, lecturers or named publishers',
              { typeText },
            ),
            ...(publishers.length
              ? [t('（指定发布人 ', ' ('), value(ctx, ['publishing', 'publishers'], (v) => String(list(v).length)), t(' 名）', ' named publisher(s))')]
              : []),
            t('；其他人发布的资料将被记录。', '; materials posted by anyone else are recorded.'),
          ],
          [t('发布资料时注明内容、发布时间和发布人。', 'Each material says what it is, when and by whom it was posted.')],
          [
            t('按培训计划更新内容，两次发布新资料的间隔不超过 ', 'Content is updated following the plan; no more than '),
            value(ctx, ['publishing', 'updateIntervalDays']),
            t(' 天。', ' days pass between new materials.'),
          ],
          [
            t('作业至少在截止前 ', 'Assignments are announced at least '),
            value(ctx, ['publishing', 'noticeHours']),
            t(' 小时发布。', ' hours before they are due.'),
          ],
        ),
      ],
    },
    {
      title: t('直播与讨论', 'Live sessions and discussions'),
      clauses: ['T1', 'T2'],
      blocks: [
        items(
          [
            t('直播培训至少提前 ', 'Live sessions are announced at least '),
            value(ctx, ['activities', 'sessionNoticeHours']),
            t(' 小时通知时间、平台和参与方式', ' hours ahead with the time, platform and how to join'),
            support ? t('，并指定技术支持人员。', ', naming a technical support person.') : t('。', '.'),
          ],
          ...(minutes !== undefined
            ? [
                [
                  t('参加直播满 ', 'Attending at least '),
                  value(ctx, ['activities', 'minAttendanceMinutes']),
                  t(' 分钟计为出勤。', ' minutes counts as attendance.'),
                ],
              ]
            : []),
          [t('线上讨论事先确定话题，由管理员引导节奏。', 'Discussions have a topic set in advance; the admins guide the pace.')],
        ),
      ],
    },
    {
      title: t('作业', 'Assignments'),
      clauses: ['T3'],
      blocks: [
        items(
          [
            t('成员按时提交作业', 'Members submit on time'),
            ...(grace > 0
              ? [
                  t('（截止后 ', ' (up to '),
                  value(ctx, ['activities', 'lateGraceHours']),
                  t(' 小时内提交仍视为按时）', ' hours after the due time still counts)'),
                ]
              : []),
            t('。', '.'),
          ],
          [
            t('讲师或管理员在提交后 ', 'Lecturers or admins grade and comment within '),
            value(ctx, ['activities', 'gradingDays']),
            t(' 天内批改并反馈。', ' days of submission.'),
          ],
        ),
      ],
    },
  ];
}

function communication(ctx: Ctx): Section[] {
  const { t } = ctx;
  const categories = list(at(ctx.policy, 'content', 'categories'));
  const byClause = (clauses: string[]) => categories.filter((c) => clauses.includes(String(at(c, 'clause'))));
  const describe = (c: unknown): Inline[] => {
    const severity = str(at(c, 'severity')) ?? 'error';
    return [
      { value: str(at(c, 'label')) ?? String(at(c, 'id')), path: 'content.categories' },
      t('（{weight}{exemption}）', ' ({weight}{exemption})', {
        weight: severity === 'error' ? localized('计为违规', 'counts as a violation') : localized('仅作提醒', 'a reminder only'),
        exemption: at(c, 'exemptible') === true ? localized('，可事先报备', ', may be reported in advance') : '',
      }),
    ];
  };
  const civil = byClause(['N1', 'N2']);
  const ads = byClause(['N4']);
  return [
    {
      title: t('文明用语', 'Civil language'),
      clauses: ['N1', 'N2'],
      blocks: [
        p(
          t(
            '交流使用文明、礼貌的语言，尊重他人观点；不得侮辱、歧视、攻击、嘲讽或诋毁他人。',
            "Speak politely and respect others' views: no insults, discrimination, attacks, mockery or slander.",
          ),
        ),
        ...(civil.length ? [p(t('系统按以下类别检查：', 'Checked categories: ')), items(...civil.map(describe))] : []),
      ],
    },
    {
      title: t('信息发布', 'What to post'),
      clauses: ['N3', 'N4'],
      blocks: [
        p(
          t(
            '发布与培训相关的学习资料、经验和问题；不得发布与工作无关的广告、推销、谣言或低俗内容。因工作需要发布的，须事先向管理员报备，报备有效期内的相关内容不计违规。',
            'Post learning material, experience and questions about the training. No ads, sales pitches, rumours or vulgar content unrelated to work; when work requires it, report it to the admins in advance and it is not counted while the approval is valid.',
          ),
        ),
        ...(ads.length ? [items(...ads.map(describe))] : []),
      ],
    },
    {
      title: t('及时答复', 'Answering'),
      clauses: ['N5', 'N6'],
      blocks: [
        items(
          [
            t('他人的提问和求助应在 ', 'Questions and requests for help get an answer from someone else within '),
            value(ctx, ['responsiveness', 'questionReplyHours']),
            t(' 小时内得到回复。', ' hours.'),
          ],
          [t('暂时无法回答的，说明情况并约定稍后答复。', 'If you cannot answer yet, say so and promise a later answer.')],
        ),
      ],
    },
  ];
}

function conditionText(ctx: Ctx, table: BandTable, index: number): Inline[] {
  const band = table.bands[index]!;
  if (band.isCatchAll) return [ctx.t('其余情况', 'everyone else')];
  const parts: Inline[] = [];
  band.thresholds.forEach((threshold, i) => {
    if (i > 0) parts.push(ctx.t('，', ', '));
    parts.push(`${metricName(ctx, threshold.metric)} ≥ `, { value: withUnit(ctx, threshold.metric, threshold.value), path: threshold.path.join('.') });
  });
  if (band.when) parts.push(parts.length ? ctx.t('，且 ', ', and ') : '', { value: band.when, path: [...band.path, 'when'].join('.') });
  return parts;
}

/** How a band table is read, in words a member follows. */
const BAND_READING = (ctx: Ctx) =>
  ctx.t('从上到下逐档对照，达到某一档的全部标准即评为该档。', 'Read from the top: a member gets the first rating whose standards they all meet.');

function bandTable(ctx: Ctx, table: BandTable): Block {
  return {
    kind: 'table',
    head: [ctx.t('评级', 'Rating'), ctx.t('标准', 'Standard')],
    rows: table.bands.map((band, i) => [[band.rating ? ratingLabel(ctx, band.rating) : '?'], conditionText(ctx, table, i)]),
  };
}

function assessment(ctx: Ctx): Section[] {
  const { t } = ctx;
  const tables = new Map(bandTables(ctx.policy).map((table) => [table.dimension, table]));
  const sections: Section[] = [
    {
      title: t('考核方式', 'How members are assessed'),
      clauses: ['E1', 'E2', 'E3'],
      blocks: [
        items(
          [t('作业：按准确率、完成度和原创性评分。', 'Assignments: accuracy, completeness and originality.')],
          [t('测试：不定期在线测试重点和难点。', 'Tests: online tests on key and hard points, from time to time.')],
          [
            t(
              '参与度：按活跃天数、有效发言、回复与解答、按时提交和出勤等指标评价（“收到”“好的”等简单回应不计为有效发言）。',
              'Participation: active days, messages with content, replies and answers, timeliness and attendance (bare acknowledgements such as 收到 or 好的 do not count).',
            ),
          ],
        ),
      ],
    },
  ];
  const dims: [string, string, string, string][] = [
    ['assignments', '作业考核标准', 'Assignment ratings', 'E4'],
    ['tests', '测试考核标准', 'Test ratings', 'E5'],
    ['participation', '参与度考核标准', 'Participation ratings', 'E6'],
  ];
  for (const [dimension, zh, en, clause] of dims) {
    const table = tables.get(dimension as BandTable['dimension']);
    if (!table) continue;
    sections.push({
      title: t(zh, en),
      clauses: [clause],
      blocks: [bandTable(ctx, table), p(BAND_READING(ctx))],
    });
  }
  const overall = at(ctx.policy, 'assessment', 'overall');
  if (isRec(overall)) {
    const method = str(overall.method);
    const blocks: Block[] = [];
    if (method === 'weighted') {
      const weights = isRec(overall.weights) ? overall.weights : {};
      blocks.push(
        p(
          t('综合评级按各维度评级分值加权计算：', "The overall rating weighs the dimensions' rating scores: "),
          ...Object.entries(weights).flatMap(([d, w], i): Inline[] => [
            i ? t('，', ', ') : '',
            `${dimensionShortName[d as Dimension]?.[ctx.locale] ?? d} `,
            { value: String(w), path: `assessment.overall.weights.${d}` },
          ]),
          t('。', '.'),
        ),
      );
      const table = tables.get('overall');
      if (table) blocks.push(bandTable(ctx, table));
    } else {
      blocks.push(
        p(
          method === 'best'
            ? t('综合评级取各维度中最高的评级。', 'The overall rating is the best of the dimension ratings.')
            : t('综合评级取各维度中最低的评级。', 'The overall rating is the lowest of the dimension ratings.'),
        ),
      );
    }
    sections.push({ title: t('综合评级', 'Overall rating'), clauses: ['E4', 'E5', 'E6'], blocks });
  }
  return sections;
}

function outcomes(ctx: Ctx): Section[] {
  const { t } = ctx;
  const ratings = list(at(ctx.policy, 'ratings'))
    .map((r) => str(at(r, 'id')))
    .filter((id): id is string => id !== undefined);
  const points = at(ctx.policy, 'outcomes', 'points');
  const followUp = at(ctx.policy, 'outcomes', 'followUp');
  const sections: Section[] = [];
  const pointsBlocks: Block[] = [
    p(t('培训考核结果作为绩效评估的参考依据，按综合评级加减绩效分：', 'Training results feed performance reviews; points by overall rating:')),
  ];
  if (isRec(points)) {
    pointsBlocks.push({
      kind: 'table',
      head: [t('评级', 'Rating'), t('绩效分', 'Points')],
      rows: ratings.map((id) => [
        [ratingLabel(ctx, id)],
        [points[id] === undefined ? value(ctx, ['outcomes', 'points', id]) : { value: formatPoints(Number(points[id])), path: `outcomes.points.${id}` }],
      ]),
    });
  } else {
    pointsBlocks.push(p(value(ctx, ['outcomes', 'points'])));
  }
  sections.push({ title: t('与绩效挂钩', 'Performance points'), clauses: ['R1'], blocks: pointsBlocks });
  const followRows = isRec(followUp)
    ? Object.entries(followUp).map(([rating, actions]): Inline[][] => [
        [ratingLabel(ctx, rating)],
        [
          {
            value: list(actions)
              .map((a) => actionLabel(ctx, String(a)))
              .join(say(ctx.locale, '、', ', ')),
            path: `outcomes.followUp.${rating}`,
          },
        ],
      ])
    : [];
  const escalation = at(ctx.policy, 'outcomes', 'escalation');
  const blocks: Block[] = [];
  if (followRows.length) blocks.push({ kind: 'table', head: [t('评级', 'Rating'), t('后续安排', 'Follow-up')], rows: followRows });
  if (isRec(escalation)) {
    const rating = str(escalation.rating) ?? ratings[ratings.length - 1] ?? '';
    blocks.push(
      p(
        t('连续 ', 'A member rated '),
        { value: String(escalation.afterConsecutive), path: 'outcomes.escalation.afterConsecutive' },
        t(' 个月评为“{ratingLabel}”的成员，', ' months in a row as "{ratingLabel}" ', { ratingLabel: ratingLabel(ctx, rating) }),
        t('采取措施：', 'gets: '),
        { value: actionLabel(ctx, String(escalation.action)), path: 'outcomes.escalation.action' },
        t('。', '.'),
      ),
    );
  }
  if (blocks.length) sections.push({ title: t('后续安排', 'Follow-up'), clauses: ['R2'], blocks });
  return sections;
}

function formatPoints(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function confidentiality(ctx: Ctx): Section[] {
  const { t } = ctx;
  const secret = list(at(ctx.policy, 'content', 'categories')).filter(
    (c) => at(c, 'confidential') === true || (at(c, 'confidential') === undefined && ['S1', 'S2'].includes(String(at(c, 'clause')))),
  );
  const detectors = list(at(ctx.policy, 'content', 'detectors'));
  const detectorText: Record<string, [string, string]> = Object.fromEntries(
    Object.entries(DETECTOR_LABELS).map(([id, label]) => [id, [label['zh-CN'], label.en]]),
  );
  const grace = num(at(ctx.policy, 'confidentiality', 'leaverGraceDays')) ?? 0;
  const handover = str(at(ctx.policy, 'confidentiality', 'handoverAction'));
  return [
    {
      title: t('保密范围', 'What is confidential'),
      clauses: ['S1', 'S2'],
      blocks: [
        p(
          t(
            '未公开的业务信息、技术资料、财务数据、客户信息，以及未正式发布的政策、战略规划和培训教材，均属保密内容。',
            'Unpublished business information, technical material, financial data and customer information, and unreleased policies, strategy and training material, are confidential.',
          ),
        ),
        ...(secret.length
          ? [
              p(
                t('系统重点检查：', 'Checked categories: '),
                { value: secret.map((c) => str(at(c, 'label')) ?? String(at(c, 'id'))).join(say(ctx.locale, '、', ', ')), path: 'content.categories' },
                t('。', '.'),
              ),
            ]
          : []),
        ...(detectors.length
          ? [
              p(
                t('并自动识别：', 'Personal data detected automatically: '),
                {
                  value: detectors
                    .map((d) => (detectorText[String(d)] ? sayPair(ctx.locale, detectorText[String(d)]!) : String(d)))
                    .join(say(ctx.locale, '、', ', ')),
                  path: 'content.detectors',
                },
                t('。', '.'),
              ),
            ]
          : []),
      ],
    },
    {
      title: t('保密措施', 'How to keep it'),
      clauses: ['S3', 'S4', 'S5'],
      blocks: [
        items(
          [t('发布前自查，不确定是否涉密的，先咨询管理员。', 'Check before posting; when unsure, ask the admins first.')],
          [
            t(
              '不得将群内保密信息转发给外部人员或非授权场合；群内有外部人员（非本公司员工）时出现涉密内容，将被记录。',
              'Never forward confidential content to outsiders; confidential content posted in a group with outsiders (people who are not employees) is recorded.',
            ),
          ],
          [
            t(
              '成员离职时，须向管理员交接在群内获得的保密信息，并承诺不泄露',
              'A member who leaves the company hands over confidential information and promises to keep it secret',
            ),
            ...(grace > 0
              ? [t('；离职后最多保留 ', '; they may stay '), value(ctx, ['confidentiality', 'leaverGraceDays']), t(' 天用于交接', ' days for the handover')]
              : []),
            ...(handover ? [t('；处理措施：', '; action: '), { value: actionLabel(ctx, handover), path: 'confidentiality.handoverAction' }] : []),
            t('。', '.'),
          ],
        ),
      ],
    },
  ];
}

export function buildRegulation(policy: unknown, locale: Locale): RegulationDocument {
  // externalIdPrefixes has a schema default; show it rather than a gap.
  const withDefaults =
    at(policy, 'confidentiality', 'externalIdPrefixes') === undefined
      ? {
          ...(policy as object),
          confidentiality: {
            ...(isRec(at(policy, 'confidentiality')) ? (at(policy, 'confidentiality') as object) : {}),
            externalIdPrefixes: schemaDefault('confidentiality.externalIdPrefixes'),
          },
        }
      : policy;
  const withZone =
    at(withDefaults, 'metadata', 'timezone') === undefined
      ? { ...(withDefaults as object), metadata: { ...(at(withDefaults, 'metadata') as object), timezone: DEFAULT_TIMEZONE } }
      : withDefaults;
  const t: T = (zh, en, params) => say(locale, zh, en, params);
  const ctx: Ctx = { policy: withZone, locale, t, gaps: [] };
  const name = str(at(policy, 'metadata', 'name')) ?? '';
  const overrides = at(policy, 'document', locale === 'en' ? 'sectionsEn' : 'sections');
  const chapter = (id: Chapter['id'], zh: string, en: string, build: (ctx: Ctx) => Section[]): Chapter => {
    const override = str(at(overrides, id));
    return override !== undefined ? { id, title: t(zh, en), sections: [], override } : { id, title: t(zh, en), sections: build(ctx) };
  };
  const chapters = [
    chapter('general', '总则', 'General provisions', general),
    chapter('members', '群成员管理', 'Members', members),
    chapter('administration', '培训群管理', 'Running the group', administration),
    chapter('communication', '交流规范', 'Communication norms', communication),
    chapter('assessment', '培训考核', 'Assessment', assessment),
    chapter('outcomes', '考核结果应用', 'Use of results', outcomes),
    chapter('confidentiality', '保密规定', 'Confidentiality', confidentiality),
    chapter('supplementary', '附则', 'Supplementary provisions', supplementary),
  ];
  return {
    title: str(at(policy, 'document', 'title')) ?? t('{name}管理制度', '{name}: group rules', { name }),
    subtitle: t('由 qungui 根据群规文件生成', 'Generated by qungui from the policy file'),
    chapters,
    gaps: [...new Set(ctx.gaps)],
  };
}

/** The closing chapter: who interprets the rules and from when they apply (document.issuedBy, effectiveFrom). */
function supplementary(ctx: Ctx): Section[] {
  const { t } = ctx;
  const issuer = str(at(ctx.policy, 'document', 'issuedBy'));
  const from = str(at(ctx.policy, 'document', 'effectiveFrom'));
  const date = from && /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  const when = date
    ? t('{year} 年 {month} 月 {day} 日', '{date}', { year: date[1]!, month: Number(date[2]), day: Number(date[3]), date: from! })
    : t('发布之日', 'the day they are issued');
  return [
    {
      title: t('解释与施行', 'Interpretation and effect'),
      clauses: [],
      blocks: [
        items(
          [
            t('本制度由', 'These rules are interpreted by '),
            issuer ? { value: issuer, path: 'document.issuedBy' } : t('培训组织部门', 'the training department'),
            t('负责解释。', '.'),
          ],
          [t('本制度自', 'They take effect on '), date ? { value: when, path: 'document.effectiveFrom' } : when, t('起施行。', '.')],
          [t('本制度未尽事宜，按公司相关规章制度执行。', 'Matters these rules do not cover follow the company’s other regulations.')],
        ),
      ],
    },
  ];
}
