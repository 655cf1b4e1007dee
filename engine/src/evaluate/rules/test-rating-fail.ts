// E5: test rating per member from the score bands.
import { t } from '../../i18n/localized-text.js';
import { ratingRule } from './rating-rule.js';

export const testRatingFail = ratingRule('tests', {
  summary: t(
    '学员的测试评级为最低档；所有学员的测试评级写入 members[].ratings.tests。',
    "A learner's test rating is the worst rating; every learner's rating goes to members[].ratings.tests.",
  ),
  example: t(
    '档位 pass: 60、fail；成绩 59/100 → fail，一条发现；60/100 → pass。',
    'Bands pass: 60, fail; a result of 59/100 → fail, one finding; 60/100 → pass.',
  ),
  computed: t(
    'score＝本月举行、且举行时在群的各测试的百分制成绩（score / max_score × 100，多次参加取最高）的平均值，未参加计 0；没有测试的学员不评级。第一档 min ≤ score 且 when 成立者即评级。',
    'score = mean over tests held this month while a member of the percentage (score / max_score × 100, best attempt), a test not taken counting 0; learners with no test are not rated. The first band with min ≤ score and when holding is the rating.',
  ),
  configuration: t('`assessment.tests.bands`。', '`assessment.tests.bands`.'),
});
