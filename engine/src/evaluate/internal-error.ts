// A bug in one clause's code must not sink the month's other results: the clause is listed as not
// evaluated, with the error, and the run goes on.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';

export function internalErrorReason(code: string, error: unknown): LocalizedText {
  const detail = error instanceof Error ? error.message : String(error);
  return localized('内部错误：规则 {code} 执行失败（{detail}）', 'Internal error: rule {code} failed ({detail})', { code, detail });
}
