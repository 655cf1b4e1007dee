// Numbers the regulation leaves as [X] and a policy should fill. `qungui render` shows a visible gap
// where one is missing, and validate warns (missing-setting) so the gap is seen before publishing.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';

export interface RequiredSetting {
  path: readonly string[];
  clause: string;
  what: LocalizedText;
}

export const requiredSettings: readonly RequiredSetting[] = [
  { path: ['membership', 'removal', 'maxViolations'], clause: 'M5', what: localized('移出前允许的违规次数', 'violations allowed before removal') },
  {
    path: ['membership', 'removal', 'inactiveDays'],
    clause: 'M5',
    what: localized('视为长期不参与的天数', 'days of inactivity that count as not taking part'),
  },
  { path: ['publishing', 'noticeHours'], clause: 'A2', what: localized('作业提前发布的小时数', 'hours ahead assignments are announced') },
  { path: ['publishing', 'updateIntervalDays'], clause: 'C3', what: localized('培训资料的最长更新间隔', 'longest gap between new materials') },
  { path: ['activities', 'sessionNoticeHours'], clause: 'T1', what: localized('直播提前通知的小时数', 'hours ahead live sessions are announced') },
  { path: ['activities', 'gradingDays'], clause: 'T3', what: localized('作业批改时限', 'days to grade a submission') },
  { path: ['responsiveness', 'questionReplyHours'], clause: 'N5', what: localized('答复提问的时限', 'hours to answer a question') },
  { path: ['outcomes', 'points'], clause: 'R1', what: localized('各评级的绩效加减分', 'performance points per rating') },
];
