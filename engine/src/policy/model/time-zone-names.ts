// Time zones as people write them, beside the IANA names the engine needs. A Chinese author writes
// "北京时间", "Asia/Beijing", "CST" or "UTC+8" for Asia/Shanghai; a spelling-based did-you-mean would
// offer Asia/Beirut (UTC+2) for Asia/Beijing, and Node accepts "CST" as America/Chicago. These tables
// say what such a name means, so the validator can name the zone in the intended offset.

/** Lower case, no spaces or underscores: how the tables below are keyed. */
export function zoneKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** Names for China's time (UTC+8, no daylight saving): all mean Asia/Shanghai. */
const CHINA = [
  'asia/beijing',
  'beijing',
  'peking',
  'china',
  'chinastandardtime',
  'chinatime',
  'bjt',
  'bjs',
  '北京',
  '北京时间',
  '北京時間',
  '中国标准时间',
  '中國標準時間',
  '东八区',
  '東八區',
  'utc+8',
  'utc+08',
  'utc+8:00',
  'utc+08:00',
  'utc+0800',
  'gmt+8',
  'gmt+08',
  'gmt+8:00',
  'gmt+08:00',
  'gmt+0800',
  '+8',
  '+08',
  '+08:00',
  '+0800',
].map(zoneKey);

export const CHINA_ZONE = 'Asia/Shanghai';

export function meansChinaTime(name: string): boolean {
  return CHINA.includes(zoneKey(name));
}

/** Abbreviations that name several zones: never taken as one of them without asking. */
export const AMBIGUOUS_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  CST: ['Asia/Shanghai', 'America/Chicago', 'America/Havana'],
  IST: ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  EST: ['America/New_York', 'Australia/Sydney'],
  AST: ['America/Halifax', 'Asia/Riyadh'],
  MST: ['America/Denver', 'Asia/Kuala_Lumpur'],
  PST: ['America/Los_Angeles', 'Asia/Manila'],
  EET: ['Europe/Athens', 'Africa/Cairo'],
  CET: ['Europe/Paris', 'Europe/Berlin'],
  SST: ['Asia/Singapore', 'Pacific/Pago_Pago'],
};

/** A fixed offset written as UTC+N / GMT-N / +HH:MM, in minutes east of UTC; undefined for anything else. */
export function writtenOffset(name: string): number | undefined {
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(name.trim());
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** The IANA zone for a whole-hour fixed offset: Etc/GMT with the sign reversed, as IANA names it. */
export function fixedOffsetZone(minutes: number): string | undefined {
  if (minutes % 60 !== 0) return undefined;
  const hours = minutes / 60;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
