// Time zones as Chinese authors write them: Asia/Shanghai for every name of China's time, abbreviations
// that mean several zones never taken as one, a fixed offset named as IANA names it, and did-you-mean
// only by spelling where the intended offset is unknown.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';
import { minimalPolicy } from './helpers.js';

function zone(name: string) {
  const text = minimalPolicy.replace('  kind: new-employee\n', `  kind: new-employee\n  timezone: ${name}\n`);
  const d = validatePolicy({ file: 't.qungui.yaml', text }).diagnostics.filter((x) => x.code === 'invalid-timezone');
  const [first] = d;
  const fixed = first?.fix
    ? text.slice(0, first.fix.edits[0]!.range.startOffset) + first.fix.edits[0]!.newText + text.slice(first.fix.edits[0]!.range.endOffset)
    : undefined;
  return {
    count: d.length,
    zh: first?.message['zh-CN'],
    en: first?.message.en,
    fix: first?.fix?.edits[0]?.newText,
    span: first ? text.slice(first.range.startOffset, first.range.endOffset) : undefined,
    fixed,
  };
}

describe('metadata.timezone', () => {
  it.each(['Asia/Beijing', 'Beijing', '北京时间', 'BJT', 'UTC+8', 'GMT+8', 'UTC+08:00', '东八区'])('%s means China time: Asia/Shanghai, with a fix', (name) => {
    const z = zone(name);
    expect(z.zh).toBe(`“${name}” 不是 IANA 时区名；北京时间（UTC+8）写作 Asia/Shanghai`);
    expect(z.fix).toBe('Asia/Shanghai');
    expect(z.span).toBe(name);
    expect(validatePolicy({ file: 't.qungui.yaml', text: z.fixed! }).diagnostics.filter((x) => x.code === 'invalid-timezone')).toEqual([]);
  });

  it('CST, which Node reads as America/Chicago, is never accepted: it names several zones; the fix is China time', () => {
    const z = zone('CST');
    expect(z.zh).toBe('“CST” 是缩写，可指不同的时区（Asia/Shanghai, America/Chicago, America/Havana）；北京时间请写 Asia/Shanghai');
    expect(z.fix).toBe('Asia/Shanghai');
  });

  it('IST: ambiguous, no zone chosen for the author', () => {
    const z = zone('IST');
    expect(z.en).toBe("'IST' is an abbreviation for several zones (Asia/Kolkata, Asia/Jerusalem, Europe/Dublin); write an IANA name");
    expect(z.fix).toBeUndefined();
  });

  it('another fixed offset is named as IANA names it (Etc/GMT with the sign reversed), never a zone in another offset', () => {
    expect(zone('UTC+9').fix).toBe('Etc/GMT-9');
    expect(zone('GMT-5').fix).toBe('Etc/GMT+5');
  });

  it('a misspelt IANA name gets the closest by spelling; valid names and links pass', () => {
    expect(zone('Asia/Shanghia').fix).toBe('Asia/Shanghai');
    for (const ok of ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Chongqing', 'UTC', 'Europe/Berlin']) expect(zone(ok).count, ok).toBe(0);
  });
});
