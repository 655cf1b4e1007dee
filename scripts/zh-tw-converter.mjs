// Simplified → Traditional (Taiwan) for qungui's own texts: opencc-js cn → twp (characters and Taiwan
// phrases), then the reviewed terms of engine/src/i18n/zh-tw-terms.json. ICU placeholders ({name}) are
// ASCII and pass through untouched.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { terms } = JSON.parse(readFileSync(`${root}engine/src/i18n/zh-tw-terms.json`, 'utf8'));
const withPhrases = OpenCC.Converter({ from: 'cn', to: 'twp' });
const charactersOnly = OpenCC.Converter({ from: 'cn', to: 'tw' });
// A term is written as its Simplified form; opencc turns it into something, which the list corrects.
const corrections = OpenCC.CustomConverter(Object.entries(terms).map(([cn, tw]) => [withPhrases(cn), tw]));

export function toTraditional(text) {
  return corrections(withPhrases(text));
}

/** The words where the phrase table changed more than the characters: [simplified, traditional]. */
export function phraseChanges(text) {
  const phrased = toTraditional(text);
  const plain = charactersOnly(text);
  const changes = [];
  if (phrased.length !== plain.length) return [[text, phrased]];
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const differs = i < plain.length && phrased[i] !== plain[i];
    if (differs && start < 0) start = i;
    if (!differs && start >= 0) {
      changes.push([text.slice(start, i), phrased.slice(start, i)]);
      start = -1;
    }
  }
  return changes;
}
