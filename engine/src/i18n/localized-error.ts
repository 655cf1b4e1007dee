// An error whose text people read, in every language. Its `message` stays the bilingual line
// ("中文 / English") for logs and for code that only has a string; the CLI prints `text` in the
// user's language (messageIn).
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';

export class LocalizedError extends Error {
  readonly text: LocalizedText | undefined;

  constructor(message: string | LocalizedText) {
    super(typeof message === 'string' ? message : `${message['zh-CN']} / ${message.en}`);
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** What an error says in `locale`: its text when it has one, else its message as thrown. */
export function messageIn(error: unknown, locale: Locale): string {
  if (error instanceof LocalizedError && error.text) return error.text[locale];
  return error instanceof Error ? error.message : String(error);
}

/** What an error says, as a text (the same words in every language when it has no text of its own). */
export function textOf(error: unknown): LocalizedText {
  if (error instanceof LocalizedError && error.text) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': message, 'zh-TW': message, en: message };
}
