// E4 (with E1's metrics): assignment rating per member from the ordered bands.
import { t } from '../../i18n/localized-text.js';
import { ratingRule } from './rating-rule.js';

export const assignmentRatingFail = ratingRule('assignments', {
  summary: t(
    '学员的作业评级为最低档（例如“不合格”）；所有学员的作业评级写入 members[].ratings.assignments。',
    "A learner's assignment rating is the worst rating (e.g. fail); every learner's rating goes to members[].ratings.assignments.",
  ),
  example: t(
    '档位 good: {accuracy: 80, completeness: 80}、pass: {accuracy: 60, completeness: 60}、fail；两份作业准确性 70、50 → 平均 60，完整性 60 → pass；准确性平均 59.5 → fail，一条发现。',
    'Bands good {accuracy: 80, completeness: 80}, pass {accuracy: 60, completeness: 60}, fail; two pieces with accuracy 70 and 50 → mean 60, completeness 60 → pass; a mean accuracy of 59.5 → fail, one finding.',
  ),
  computed: t(
    '指标（本月到期、到期时在群的作业）：accuracy/completeness/originality＝已批改提交的平均值，未提交的作业计 0，已提交未批改的不计入；onTimeRate＝按时提交份数 / 到期份数 × 100。没有到期作业的学员不评级（null）。按顺序尝试各档：min 为数字时比较主指标（metric，默认 accuracy），为映射时逐项比较（≥ 即满足），when 为 CEL 条件；第一个全部满足的档位即评级。无值（null）的指标不参与比较。本月退群（members.left_at 早于月末）的学员列出指标但不评级，members[].notRated 写明原因。',
    'Metrics (assignments due this month while a member): accuracy/completeness/originality = mean over graded submissions, a missing submission counting 0 and an ungraded one left out; onTimeRate = on-time submissions / due × 100. A learner with nothing due is not rated (null). Bands are tried in order: a number min compares the main metric (metric, default accuracy), a map compares each metric (≥ holds), when is a CEL condition; the first band whose conditions all hold is the rating. Metrics without a value (null) are skipped. Learners who left the group before the month ended are listed with their metrics but not rated; members[].notRated says why.',
  ),
  configuration: t(
    '`assessment.assignments.metric`、`assessment.assignments.bands`、`activities.lateGraceHours`。',
    '`assessment.assignments.metric`, `assessment.assignments.bands`, `activities.lateGraceHours`.',
  ),
});
