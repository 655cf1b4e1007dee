// Days are counted and bare times read in metadata.timezone: it must be a real IANA zone.
import { didYouMean, suggest } from '../../diagnostics/suggest.js';
import { replaceFix, spanOf } from '../diagnostic-builder.js';
import type { PolicyRule } from './rule.js';
import { at, str } from '../model/view.js';
import { AMBIGUOUS_ABBREVIATIONS, CHINA_ZONE, fixedOffsetZone, meansChinaTime, writtenOffset } from '../model/time-zone-names.js';
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
    if (zone === undefined || zone === '') return;
    const path = ['metadata', 'timezone'];
    const fixTo = (target: string) => replaceFix(ctx.loaded, spanOf(ctx.loaded, path), target, localized('改为 {target}', 'Change to {target}', { target }));
    // An abbreviation that names several zones (Node reads CST as America/Chicago): never silently one of them.
    const meanings = AMBIGUOUS_ABBREVIATIONS[zone.trim().toUpperCase()];
    if (meanings && zone.trim() === zone.trim().toUpperCase()) {
      const china = meanings.includes(CHINA_ZONE);
      ctx.report({
        code: 'invalid-timezone',
        severity: 'error',
        path,
        suggestions: [...meanings],
        message: china
          ? localized(
              '“{zone}” 是缩写，可指不同的时区（{meanings}）；北京时间请写 Asia/Shanghai',
              "''{zone}'' is an abbreviation for several zones ({meanings}); China time is Asia/Shanghai",
              { zone, meanings: meanings.join(', ') },
            )
          : localized(
              '“{zone}” 是缩写，可指不同的时区（{meanings}）；请写 IANA 时区名',
              "''{zone}'' is an abbreviation for several zones ({meanings}); write an IANA name",
              {
                zone,
                meanings: meanings.join(', '),
              },
            ),
        ...(china ? { fix: fixTo(CHINA_ZONE) } : {}),
      });
      return;
    }
    if (isTimeZone(zone)) return;
    // Names for China's time (北京时间, Asia/Beijing, UTC+8): Asia/Shanghai, never a zone in another offset.
    if (meansChinaTime(zone)) {
      ctx.report({
        code: 'invalid-timezone',
        severity: 'error',
        path,
        suggestions: [CHINA_ZONE],
        message: localized(
          '“{zone}” 不是 IANA 时区名；北京时间（UTC+8）写作 Asia/Shanghai',
          "''{zone}'' is not an IANA time zone; China time (UTC+8) is Asia/Shanghai",
          { zone },
        ),
        fix: fixTo(CHINA_ZONE),
      });
      return;
    }
    const offset = writtenOffset(zone);
    const fixed = offset === undefined ? undefined : fixedOffsetZone(offset);
    if (fixed) {
      ctx.report({
        code: 'invalid-timezone',
        severity: 'error',
        path,
        suggestions: [fixed],
        message: localized(
          '“{zone}” 不是 IANA 时区名；固定时差写作 {fixed}（最好写所在城市的时区，例如 Asia/Tokyo）',
          "''{zone}'' is not an IANA time zone; a fixed offset is {fixed} (better: the city's zone, e.g. Asia/Tokyo)",
          { zone, fixed },
        ),
        fix: fixTo(fixed),
      });
      return;
    }
    const suggestions = suggest(zone, Intl.supportedValuesOf('timeZone'));
    const hint = didYouMean(suggestions);
    ctx.report({
      code: 'invalid-timezone',
      severity: 'error',
      path,
      suggestions,
      message: localized('“{zone}” 不是有效的 IANA 时区名{value}', "''{zone}'' is not a valid IANA time zone{value}", {
        zone,
        value: hint.en ? hint : localized('（例如 Asia/Shanghai）', ' (e.g. Asia/Shanghai)'),
      }),
      ...(suggestions[0] ? { fix: fixTo(suggestions[0]) } : {}),
    });
  },
};
