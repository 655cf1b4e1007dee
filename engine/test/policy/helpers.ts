// Test helpers: a diagnostic reads like what it expects (code, 1-based line:col–line:col).
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validatePolicy } from '../../src/policy/validate.js';
import type { Locale } from '../../src/diagnostics/diagnostic.js';

export function brief(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
}

export function diagnose(text: string, file = 'test.qungui.yaml'): string[] {
  return validatePolicy({ file, text }).diagnostics.map(brief);
}

export function messages(text: string, locale: Locale = 'zh-CN'): string[] {
  return validatePolicy({ file: 'test.qungui.yaml', text }).diagnostics.map((d) => `${d.code}: ${d.message[locale]}`);
}

export const minimalPolicy = `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata:
  id: fixture
  name: 测试群
  kind: new-employee
groups: [wrFixture]
ratings:
  - { id: good, label: 良好 }
  - { id: fail, label: 不合格 }
assessment:
  tests:
    bands:
      - { rating: good, min: 60 }
      - { rating: fail }
outcomes:
  points: { good: 2, fail: -2 }
membership:
  removal: { maxViolations: 3, inactiveDays: 30 }
publishing: { noticeHours: 24, updateIntervalDays: 7 }
activities: { sessionNoticeHours: 24, gradingDays: 3 }
responsiveness: { questionReplyHours: 24 }
`;
