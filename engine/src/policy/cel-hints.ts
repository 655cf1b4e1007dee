// What a CEL syntax error most likely means to a Chinese author, found from the source rather than
// from the parser's English message: Chinese text without quotes, `and`/`or`/`not` for && || !, a
// single = for ==, full-width brackets or quotes from a Chinese input method.
import type { LocalizedText } from '../diagnostics/diagnostic.js';

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
        message: {
          'zh-CN': `条件里用了全角符号“${part[i]}”，请改成半角“${ascii}”`,
          en: `The condition has a full-width “${part[i]}”; use the ASCII “${ascii}”`,
        },
        from: start + i,
        to: start + i + 1,
        replacement: ascii,
        fixTitle: { 'zh-CN': `改为半角“${ascii}”`, en: `Change to “${ascii}”` },
      };
    }
    const han = /\p{Script=Han}[\p{Script=Han}\w]*/u.exec(part);
    if (han) {
      const from = start + han.index;
      const to = from + han[0].length;
      return {
        message: {
          'zh-CN': `中文要放在引号里：写成 "${han[0]}"`,
          en: `Chinese text goes in quotes: write "${han[0]}"`,
        },
        from,
        to,
        replacement: `"${han[0]}"`,
        fixTitle: { 'zh-CN': `加上引号："${han[0]}"`, en: `Quote it: "${han[0]}"` },
      };
    }
    const word = /\b(and|or|not)\b/.exec(part);
    if (word) {
      const op = WORDS[word[1]!]!;
      return {
        message: {
          'zh-CN': `CEL 里“并且”写 &&，“或者”写 ||，“不是”写 !：把 ${word[1]} 改为 ${op}`,
          en: `CEL writes “and” as &&, “or” as || and “not” as !: change ${word[1]} to ${op}`,
        },
        from: start + word.index,
        to: start + word.index + word[1]!.length,
        replacement: op,
        fixTitle: { 'zh-CN': `改为 ${op}`, en: `Change to ${op}` },
      };
    }
    const single = /(^|[^=!<>])=(?!=)/.exec(part);
    if (single) {
      const at = start + single.index + single[1]!.length;
      return {
        message: { 'zh-CN': '比较是否相等要写两个等号 ==', en: 'Equality is written with two equals signs: ==' },
        from: at,
        to: at + 1,
        replacement: '==',
        fixTitle: { 'zh-CN': '改为 ==', en: 'Change to ==' },
      };
    }
  }
  return undefined;
}
