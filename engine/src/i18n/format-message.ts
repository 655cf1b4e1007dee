// ICU message formatting (intl-messageformat) for texts with parameters: `{name}`, and plural or select
// where a language needs them ("{count, plural, one {# message} other {# messages}}"). A formatter is
// parsed once per template and locale and kept; texts without parameters never reach the parser.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';

/** A parameter that is itself a text (a rating's label, a setting's title) is taken in the message's locale. */
export type MessageParams = Readonly<Record<string, string | number | LocalizedText>>;

const formatters = new Map<string, IntlMessageFormat>();

export function formatMessage(template: string, locale: Locale, params: MessageParams): string {
  const key = `${locale}\u0000${template}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // ignoreTag: "<id>.qungui.yaml" and "<b>" in a text are text, not rich-text tags.
    formatter = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    formatters.set(key, formatter);
  }
  let values: Record<string, string | number> | MessageParams = params;
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'object') values = { ...values, [name]: value[locale] };
  }
  return String(formatter.format(values as Record<string, string | number>));
}
