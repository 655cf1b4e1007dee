// What a CEL syntax error most likely means to a Chinese author, found from the source rather than
// from the parser's English message: Chinese text without quotes, `and`/`or`/`not` for && || !, a
// single = for ==, full-width brackets or quotes from a Chinese input method.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { localized } from '../i18n/localized-text.js';

export interface CelHint {
  message: LocalizedText;
  /** Offsets in the expression of what to change, and what to write instead. */
  from: number;
  to: number;
  replacement: string;
  fixTitle: LocalizedText;
}

const FULL_WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '，': ',',
  '！': '!',
  '＝': '=',
  '＞': '>',
  '＜': '<',
  '＆': '&',
  '｜': '|',
};
const WORDS: Record<string, string> = { and: '&&', or: '||', not: '!' };

/** The parts of the source outside string literals, as [start, end) offsets. */
function unquoted(source: string): [number, number][] {
  const parts: [number, number][] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        quote = undefined;
        start = i + 1;
      }
    } else if (c === '"' || c === "'") {
      parts.push([start, i]);
      quote = c;
    }
  }
  if (!quote) parts.push([start, source.length]);
  return parts;
}

export function celSyntaxHint(source: string): CelHint | undefined {
  for (const [start, end] of unquoted(source)) {
    const part = source.slice(start, end);
    for (let i = 0; i < part.length; i++) {
      const ascii = FULL_WIDTH[part[i]!];
      if (ascii === undefined) continue;
      return {
        message: localized('条件里用了全角符号“{value}”，请改成半角“{ascii}”', 'The condition has a full-width “{value}”; use the ASCII “{ascii}”', {
          value: String(part[i]),
          ascii,
        }),
        from: start + i,
        to: start + i + 1,
        replacement: ascii,
        fixTitle: localized('改为半角“{ascii}”', 'Change to “{ascii}”', { ascii }),
      };
    }
    const han = /\p{Script=Han}[\p{Script=Han}\w]*/u.exec(part);
    if (han) {
      const from = start + han.index;
      const to = from + han[0].length;
      return {
        message: localized('中文要放在引号里：写成 "{value}"', 'Chinese text goes in quotes: write "{value}"', { value: han[0] }),
        from,
        to,
        replacement: `"${han[0]}"`,
        fixTitle: localized('加上引号："{value}"', 'Quote it: "{value}"', { value: han[0] }),
      };
    }
    const word = /\b(and|or|not)\b/.exec(part);
    if (word) {
      const op = WORDS[word[1]!]!;
      return {
        message: localized(
          'CEL 里“并且”写 &&，“或者”写 ||，“不是”写 !：把 {value} 改为 {op}',
          'CEL writes “and” as &&, “or” as || and “not” as !: change {value} to {op}',
          { value: String(word[1]), op },
        ),
        from: start + word.index,
        to: start + word.index + word[1]!.length,
        replacement: op,
        fixTitle: localized('改为 {op}', 'Change to {op}', { op }),
      };
    }
    const single = /(^|[^=!<>])=(?!=)/.exec(part);
    if (single) {
      const at = start + single.index + single[1]!.length;
      return {
        message: localized('比较是否相等要写两个等号 ==', 'Equality is written with two equals signs: =='),
        from: at,
        to: at + 1,
        replacement: '==',
        fixTitle: localized('改为 ==', 'Change to =='),
      };
    }
  }
  return undefined;
}
