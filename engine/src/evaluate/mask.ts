// Privacy (issue 4 item 5): phone, ID-card and bank-card numbers are masked in every output unless
// redaction is turned off. Any run of 7 or more digits (spaces and hyphens allowed inside) keeps its
// first 3 and last 2 digits: 13812345678 → 138******78. The rule is deliberately wider than the
// detectors so a number the detectors reject (bad checksum) is still not shown whole.
const LONG_NUMBER = /\d(?:[\d -]*\d){6,}/g;

export function maskNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (run) => {
    const digits = run.replace(/[ -]/g, '');
    if (digits.length < 7) return run;
    return digits.slice(0, 3) + '*'.repeat(digits.length - 5) + digits.slice(-2);
  });
}

/** Masks when `redact` is on. */
export function privacy(text: string, redact: boolean): string {
  return redact ? maskNumbers(text) : text;
}
