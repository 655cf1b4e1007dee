// Days are counted and bare times read in metadata.timezone: it must be a real IANA zone.
import { didYouMean, suggest } from '../../diagnostics/suggest.js';
import { replaceFix, spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { at, str } from '../model/view.js';
import { localized } from '../../i18n/localized-text.js';

// Zones nearly every policy uses. Asking ICU is slow on first use (it loads the zone data), longer
// than the rest of a policy's validation, so these skip the question.
const COMMON_ZONES = new Set(['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'UTC']);

export function isTimeZone(zone: string): boolean {
  if (COMMON_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const invalidTimezone: PolicyRule = {
  code: 'invalid-timezone',
  check(ctx) {
    const zone = str(at(ctx.policy, 'metadata', 'timezone'));
    if (zone === undefined || zone === '' || isTimeZone(zone)) return;
    const suggestions = suggest(zone, Intl.supportedValuesOf('timeZone'));
    const hint = didYouMean(suggestions);
    const path = ['metadata', 'timezone'];
    ctx.report({
      code: 'invalid-timezone',
      severity: 'error',
      path,
      suggestions,
      message: localized('“{zone}” 不是有效的 IANA 时区名{value}', "''{zone}'' is not a valid IANA time zone{value}", {
        zone,
        value: hint.en ? hint : localized('（例如 Asia/Shanghai）', ' (e.g. Asia/Shanghai)'),
      }),
      ...(suggestions[0]
        ? { fix: replaceFix(ctx.loaded, spanOf(ctx.loaded, path), suggestions[0], localized('改为 {value}', 'Change to {value}', { value: suggestions[0] })) }
        : {}),
    });
  },
};
