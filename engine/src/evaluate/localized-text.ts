// A text in both languages the engine writes (findings, reasons, docs).
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export function t(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
