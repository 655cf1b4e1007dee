// E3/E6 participation counts messages with content; bare acknowledgements (收到, 好的, 👍…) do not count.
// A text is a bare acknowledgement when, after removing spaces, punctuation, symbols and emoji, what is
// left is one of these words (or nothing at all).
const WORDS = new Set([
  '收到',
  '好的',
  '好',
  '嗯',
  '嗯嗯',
  '哦',
  '哦哦',
  '噢',
  '好滴',
  '好哒',
  '好嘞',
  '明白',
  '了解',
  '知道了',
  '谢谢',
  '多谢',
  '感谢',
  '谢谢老师',
  '收到谢谢',
  '好的谢谢',
  '收到收到',
  '好的好的',
  'ok',
  'okay',
  '1',
  '666',
  '赞',
  '已阅',
  '已收到',
  '对',
  '是的',
  '嗯好',
  '好的收到',
  '收到了',
  'thanks',
  'thx',
  '谢',
  '辛苦了',
  '辛苦',
  '辛苦老师',
]);
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiner and the variation selector are meant one by one, as noise between emoji.
const NOISE = /[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]+/gu;
const BRACKET_EMOJI = /\[[^\]]{1,6}\]/g; // WeChat [强] [OK] [抱拳]

/** Longer texts are never bare acknowledgements (checked first: most messages are long). */
const MAX_ACK_LENGTH = 24;

/** First characters of the words: a text starting with any other letter or digit cannot be one (fast path). */
const FIRST = new Set([...WORDS].map((w) => w[0]!));
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** CJK ideographs that start no word: the common case, decided by code without a regex. */
const FIRST_CODES = new Set([...FIRST].map((c) => c.charCodeAt(0)));

export function isBareAcknowledgement(text: string): boolean {
  if (text.length > MAX_ACK_LENGTH) return false;
  const code = text.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff && !FIRST_CODES.has(code)) return false;
  const first = text[0];
  if (first !== undefined && !FIRST.has(first.toLowerCase()) && LETTER_OR_DIGIT.test(first)) return false;
  const core = text.replace(BRACKET_EMOJI, '').replace(NOISE, '').toLowerCase();
  return core === '' || WORDS.has(core);
}
