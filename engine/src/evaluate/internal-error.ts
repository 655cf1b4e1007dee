// A bug in one clause's code must not sink the month's other results: the clause is listed as not
// evaluated, with the error, and the run goes on.
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export function internalErrorReason(code: string, error: unknown): LocalizedText {
  const detail = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': `内部错误：规则 ${code} 执行失败（${detail}）`, en: `Internal error: rule ${code} failed (${detail})` };
}
