// ICU message formatting (intl-messageformat) for texts with parameters: `{name}`, and plural or select
// where a language needs them ("{count, plural, one {# message} other {# messages}}"). A formatter is
// parsed once per template and locale and kept; texts without parameters never reach the parser.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../diagnostics/diagnostic.js';

export type MessageParams = Readonly<Record<string, string | number>>;

const formatters = new Map<string, IntlMessageFormat>();

export function formatMessage(template: string, locale: Locale, params: MessageParams): string {
  const key = `${locale}\u0000${template}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // ignoreTag: "<id>.qungui.yaml" and "<b>" in a text are text, not rich-text tags.
    formatter = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    formatters.set(key, formatter);
  }
  return String(formatter.format(params));
}
