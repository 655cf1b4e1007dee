// Personal data in outputs: masked unless redaction is turned off (--no-redact). What to mask comes
// from the detectors' own scanners (personalSpans) over text folded as the detectors fold it, so a
// number written in full-width digits, with separators or a +86/0086 prefix is masked exactly as the
// detectors see it. A number keeps its first 3 and last 2 digits (13812345678 → 138******78; a
// country prefix stays); an e-mail keeps the first character and the domain (z***@example.com).
import { charTable } from './char-table.js';
import { personalSpans } from './detectors.js';

const FOLD = { width: true, case: false, traditional: false, digits: true, skip: false, repeats: false } as const;
/** Made on first use (a 64K table), then kept: masking runs once per excerpt and finding text. */
let foldTable: Uint16Array | undefined;

function maskedNumber(written: string): string {
  let digits = '';
  for (const ch of written) if ((ch >= '0' && ch <= '9') || ch === 'X' || ch === 'x') digits += ch;
  let prefix = '';
  const phone = /^(\+?)(0086|86)(1[3-9]\d{9})$/.exec((written.startsWith('+') ? '+' : '') + digits);
  if (phone) {
    prefix = `${phone[1]}${phone[2]} `;
    digits = phone[3]!;
  }
  return prefix + digits.slice(0, 3) + '*'.repeat(digits.length - 5) + digits.slice(-2);
}

function maskedEmail(written: string): string {
  const at = written.indexOf('@');
  return `${written[0]}***${written.slice(at)}`;
}

export function maskPersonalData(text: string): string {
  const table = (foldTable ??= charTable(FOLD));
  let worth = false;
  for (let i = 0; i < text.length && !worth; i++) {
    const c = table[text.charCodeAt(i)]!;
    worth = (c >= 0x30 && c <= 0x39) || c === 0x40;
  }
  if (!worth) return text;
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(table[text.charCodeAt(i)]!);
  let out = '';
  let at = 0;
  for (const span of personalSpans(folded)) {
    if (span.start < at) continue;
    const written = folded.slice(span.start, span.end);
    out += text.slice(at, span.start) + (span.kind === 'number' ? maskedNumber(written) : maskedEmail(written));
    at = span.end;
  }
  return out + text.slice(at);
}

/** The former name, kept for the engine's public exports. */
export const maskNumbers = maskPersonalData;

/**
 * Rows with the named free-text fields masked (names, purposes, titles: what outputs show of a
 * table's text). A row is copied only when a field changes, so the bundle's own rows stay as read.
 */
export function maskFields<T extends object>(rows: readonly T[], fields: readonly string[]): T[] {
  return rows.map((row) => {
    let copy: Record<string, unknown> | undefined;
    for (const field of fields) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value !== 'string') continue;
      const masked = maskPersonalData(value);
      if (masked !== value) (copy ??= { ...(row as Record<string, unknown>) })[field] = masked;
    }
    return (copy ?? row) as T;
  });
}

/** Masks when `redact` is on. */
export function privacy(text: string, redact: boolean): string {
  return redact ? maskPersonalData(text) : text;
}
