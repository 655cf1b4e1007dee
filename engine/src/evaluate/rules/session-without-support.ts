// T1: every live session names a technical support person (and its platform).
import { whenText } from '../describe.js';
import { listOf, localized, t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';

const SESSION_FIELD_TEXT: Record<string, LocalizedText> = {
  support_id: localized('技术支持人员', 'support person'),
  platform: localized('直播平台', 'platform'),
};

export const sessionWithoutSupport: EvalRule = {
  code: 'session-without-support',
  clause: 'T1',
  needs: ['sessions'],
  path: ['activities', 'requireSupport'],
  doc: {
    summary: t('直播没有指定技术支持人员或没有注明平台。', 'A live session names no technical support person or no platform.'),
    example: t('直播 s-3 的 support_id 为空 → 一条发现，missing: [support_id]。', 'Session s-3 has no support_id → one finding, missing: [support_id].'),
    computed: t(
      '对每个 starts_at 在本月的直播：requireSupport 为 true 时 support_id 为空，或 platform 为空，则为一条群级发现，列出缺失项。',
      'For each session starting this month: an empty support_id (when requireSupport is true) or an empty platform is a group-level finding listing what is missing.',
    ),
    configuration: t('`activities.requireSupport`（默认 true）。', '`activities.requireSupport` (default true).'),
  },
  run(ctx) {
    for (const s of ctx.data.rows.sessions) {
      if (!ctx.groups.has(s.group_id) || s.starts_at < ctx.month.start || s.starts_at >= ctx.month.end) continue;
      const missing: string[] = [];
      if (ctx.settings.requireSupport && !s.support_id) missing.push('support_id');
      if (!s.platform) missing.push('platform');
      if (missing.length === 0) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: s.group_id,
        memberId: null,
        path: this.path,
        evidence: { sessionId: s.session_id, startsAt: ctx.month.iso(s.starts_at), missing },
        message: t('{whenText} 的直播没有{missing}', 'The live session of {whenText} has no {missing}', {
          whenText: whenText(ctx, s.starts_at),
          missing: listOf(
            missing.map((field) => SESSION_FIELD_TEXT[field]!),
            ' and no ',
          ),
        }),
      });
    }
  },
};
