// Policy regexes run on RE2 (re2js): linear time whatever the input, so a pattern can never hang the
// monthly job. Features only a backtracking engine has (backreferences, lookaround) are refused here,
// at validation, with the offending fragment located — the one mechanism for validator and matcher.
import { RE2JS } from 're2js';

export type PatternCheck = { ok: true } | { ok: false; kind: 'syntax' | 'backtracking'; message: string; offset?: number };

const BACKTRACKING = /^(\\[1-9]|\\k<|\(\?[=!]|\(\?<[=!])/;

export function compilePattern(source: string): PatternCheck {
  try {
    RE2JS.compile(source);
    return { ok: true };
  } catch (error) {
    const fragment = typeof (error as { input?: unknown }).input === 'string' ? (error as { input: string }).input : '';
    const message = String((error as Error).message ?? error).replace(/^error parsing regexp: /, '');
    const at = fragment ? source.indexOf(fragment) : -1;
    const kind = BACKTRACKING.test(fragment) ? 'backtracking' : 'syntax';
    return at >= 0 ? { ok: false, kind, message, offset: at } : { ok: false, kind, message };
  }
}
