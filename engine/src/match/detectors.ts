// Built-in detectors of personal and customer data (S1), each verified, not just shaped: mainland
// mobile numbers (separators allowed), 18-digit resident IDs (GB 11643 check digit and a real birth
// date), bank cards (16–19 digits, Luhn), e-mail, URLs and bare domains (a real TLD, no scheme needed).
// They scan `folded` text (full-width forms and digit styles folded one code unit for one, so offsets
// are the original's) in linear time: candidates are bounded runs found by a single pass.
import tldList from 'tlds/index.json' with { type: 'json' };

export type DetectorId = 'phone' | 'id-card' | 'bank-card' | 'email' | 'url';
export interface DetectorHit {
  detector: DetectorId;
  start: number;
  end: number;
}

const TLDS = new Set((tldList as string[]).map((t) => t.toLowerCase()));
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
// Space, hyphen, dot, and the look-alikes a width fold does not cover (no-break space, dashes, minus).
const isSeparator = (c: number) =>
  c === 0x20 || c === 0x2d || c === 0x2e || c === 0xa0 || c === 0x3000 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xff0d || c === 0xff0e;

/** 18 digits shaped like a resident ID (region, 19xx/20xx, month): a broken ID, not a bank card. */
const ID_SHAPE = /^[1-8]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{5}[\dX]$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isValidResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/i.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== id[17]!.toUpperCase()) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 0x30;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Separators people put between digit groups: one, or a few ("138  0013  8000", "138 - 0013"). */
const MAX_SEPARATOR_RUN = 3;

/** Runs of digits with short separator runs between them: "138 0013 8000", "6222-0212-3456-7890". */
function digitRuns(text: string, visit: (start: number, end: number, digits: string) => void) {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let end = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        digits += text[i];
        end = ++i;
        continue;
      }
      if (isSeparator(c) && digits.length < 25) {
        let next = i + 1;
        while (next < text.length && next - i < MAX_SEPARATOR_RUN && isSeparator(text.charCodeAt(next))) next++;
        if (next < text.length && isDigit(text.charCodeAt(next))) {
          i = next;
          continue;
        }
      }
      break;
    }
    // An ID card may end in X.
    if ((text[end] === 'X' || text[end] === 'x') && digits.length === 17) {
      digits += 'X';
      end++;
      i = end;
    }
    visit(start, end, digits);
  }
}

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.([A-Za-z]{2,24})$/;
const URL_TOKEN = /^(?:(https?):\/\/)?((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24}))(?::\d{2,5})?(?:[/?#][^\s]*)?$/;
const TOKEN_CHAR = /[A-Za-z0-9._%+\-@:/?#=&~]/;

/** Bounded tokens of address characters (≤ 2,000 code units each): keeps e-mail/URL checks linear. */
function addressTokens(text: string, visit: (start: number, end: number, token: string) => void) {
  let i = 0;
  while (i < text.length) {
    if (!TOKEN_CHAR.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && TOKEN_CHAR.test(text[i]!) && i - start < 2000) i++;
    let end = i;
    while (end > start && /[.,:;?]/.test(text[end - 1]!)) end--; // trailing punctuation is not part of it
    if (end > start) visit(start, end, text.slice(start, end));
  }
}

export function detect(folded: string, enabled: ReadonlySet<DetectorId>): DetectorHit[] {
  const hits: DetectorHit[] = [];
  if (enabled.has('phone') || enabled.has('id-card') || enabled.has('bank-card')) {
    digitRuns(folded, (start, end, digits) => {
      if (enabled.has('id-card') && digits.length === 18 && isValidResidentId(digits)) {
        hits.push({ detector: 'id-card', start, end });
      } else if (enabled.has('phone') && /^(?:0086|86)?1[3-9]\d{9}$/.test(digits)) {
        const plus = start > 0 && folded[start - 1] === '+' ? 1 : 0;
        hits.push({ detector: 'phone', start: start - plus, end });
      } else if (
        enabled.has('bank-card') &&
        digits.length >= 16 &&
        digits.length <= 19 &&
        /^\d+$/.test(digits) &&
        !ID_SHAPE.test(digits) &&
        isLuhnValid(digits)
      ) {
        hits.push({ detector: 'bank-card', start, end });
      }
    });
  }
  if (enabled.has('email') || enabled.has('url')) {
    addressTokens(folded, (start, end, token) => {
      const at = token.indexOf('@');
      if (at > 0) {
        const email = EMAIL.exec(token);
        if (enabled.has('email') && email && TLDS.has(email[1]!.toLowerCase())) hits.push({ detector: 'email', start, end });
        return;
      }
      if (!enabled.has('url')) return;
      const url = URL_TOKEN.exec(token);
      if (url && (url[1] !== undefined || TLDS.has(url[3]!.toLowerCase()))) hits.push({ detector: 'url', start, end });
    });
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Fewest digits of a run masked although no detector verified it (a bad check digit, a cut number, a landline). */
export const MASKED_RUN_DIGITS = 7;
/** A calendar date (and hour) is not a personal number: 2026-10-03, 2026.10.03 10. */
const DATE_SHAPE = /^(?:19|20)\d{2}([-.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?: \d{1,2})?$/;

export interface MaskSpan {
  kind: 'number' | 'email';
  start: number;
  end: number;
}

/**
 * What an output must mask in `folded` text, found by the detectors' own scanners: every digit run
 * of MASKED_RUN_DIGITS or more (verified phones, IDs and cards among them; a run the checks reject is
 * still not shown whole) except dates, a phone's "+" prefix included, and every address token with a
 * local part before "@" (a verified e-mail, or one cut by an excerpt).
 */
export function personalSpans(folded: string): MaskSpan[] {
  const spans: MaskSpan[] = [];
  digitRuns(folded, (start, end, digits) => {
    if (digits.length < MASKED_RUN_DIGITS || DATE_SHAPE.test(folded.slice(start, end))) return;
    const plus = start > 0 && folded[start - 1] === '+' && /^(?:86)?1[3-9]\d{9}$/.test(digits) ? 1 : 0;
    spans.push({ kind: 'number', start: start - plus, end });
  });
  addressTokens(folded, (start, end, token) => {
    const at = token.indexOf('@');
    if (at > 0 && at < token.length - 1) spans.push({ kind: 'email', start, end });
  });
  return spans.sort((a, b) => a.start - b.start);
}
