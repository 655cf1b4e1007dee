// Numbers the regulation leaves as [X] and a policy should fill. `qungui render` shows a visible gap
// where one is missing, and validate warns (missing-setting) so the gap is seen before publishing.
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export interface RequiredSetting {
  path: readonly string[];
  clause: string;
  what: LocalizedText;
}

export const requiredSettings: readonly RequiredSetting[] = [
  { path: ['membership', 'removal', 'maxViolations'], clause: 'M5', what: { 'zh-CN': '移出前允许的违规次数', en: 'violations allowed before removal' } },
  {
    path: ['membership', 'removal', 'inactiveDays'],
    clause: 'M5',
    what: { 'zh-CN': '视为长期不参与的天数', en: 'days of inactivity that count as not taking part' },
  },
  { path: ['publishing', 'noticeHours'], clause: 'A2', what: { 'zh-CN': '作业提前发布的小时数', en: 'hours ahead assignments are announced' } },
  { path: ['publishing', 'updateIntervalDays'], clause: 'C3', what: { 'zh-CN': '培训资料的最长更新间隔', en: 'longest gap between new materials' } },
  { path: ['activities', 'sessionNoticeHours'], clause: 'T1', what: { 'zh-CN': '直播提前通知的小时数', en: 'hours ahead live sessions are announced' } },
  { path: ['activities', 'gradingDays'], clause: 'T3', what: { 'zh-CN': '作业批改时限', en: 'days to grade a submission' } },
  { path: ['responsiveness', 'questionReplyHours'], clause: 'N5', what: { 'zh-CN': '答复提问的时限', en: 'hours to answer a question' } },
  { path: ['outcomes', 'points'], clause: 'R1', what: { 'zh-CN': '各评级的绩效加减分', en: 'performance points per rating' } },
];
