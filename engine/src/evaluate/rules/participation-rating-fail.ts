// E6 (with M3/E3's metrics): participation rating per member from bands on several metrics.
import { t } from '../../i18n/localized-text.js';
import { ratingRule } from './rating-rule.js';

export const participationRatingFail = ratingRule('participation', {
  summary: t(
    '学员的参与度评级为最低档；所有学员的参与度评级写入 members[].ratings.participation。',
    "A learner's participation rating is the worst rating; every learner's rating goes to members[].ratings.participation.",
  ),
  example: t(
    '档位 pass: {activeDays: 4}、fail；某学员本月只在 3 天发过有内容的消息，无提交、无出勤 → activeDays 3 → fail，一条发现；4 天 → pass。',
    'Bands pass {activeDays: 4}, fail; a learner posted content on only 3 days, no submissions or attendance → activeDays 3 → fail, one finding; 4 days → pass.',
  ),
  computed: t(
    'activeDays＝本月有“有内容消息”、作业提交或直播出勤的天数（按群规时区的日历日）；contentMessages＝非系统、未撤回、且不是单纯应答（收到、好的、👍、[强] 等）的消息数；repliesGiven＝reply_to 指向他人消息的条数；questionsAnswered＝回复（reply_to 或 @提问者）他人提问的个数；onTimeRate＝按时提交率；attendanceRate＝出席场次 / 应出席场次 × 100（没有直播则为 null，不参与比较）。档位规则同 assignment-rating-fail；when 中引用了无值指标的条件视为跳过。',
    "activeDays = days (calendar days in the policy zone) with a content message, a submission or an attendance; contentMessages = messages not system, not recalled and not a bare acknowledgement (收到, 好的, 👍, [强]…); repliesGiven = messages whose reply_to is someone else's; questionsAnswered = others' questions answered (reply_to or @asker); onTimeRate = on-time submission rate; attendanceRate = sessions attended / expected × 100 (null without sessions, then skipped). Bands as in assignment-rating-fail; a when that refers to a metric without a value is skipped.",
  ),
  configuration: t(
    '`assessment.participation.metric`（默认 activeDays）、`assessment.participation.bands`、`activities.minAttendanceMinutes`。',
    '`assessment.participation.metric` (default activeDays), `assessment.participation.bands`, `activities.minAttendanceMinutes`.',
  ),
});
