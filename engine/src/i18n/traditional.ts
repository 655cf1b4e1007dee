// The zh-TW form of a Simplified text written in the source. The table is generated at build time
// (scripts/gen-zh-tw.mjs: opencc-js plus the reviewed terms), so nothing converts at run time and a
// parameter — a member's name, a quoted message — is never converted: it is inserted afterwards.
import { ZH_TW } from './zh-tw.generated.js';

/** A text missing from the table (a stale table; `npm test` checks it) is shown as written. */
export function traditional(simplified: string): string {
  return ZH_TW[simplified] ?? simplified;
}
