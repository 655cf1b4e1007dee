// Does a text contain any of a few short strings (question markers: ？ ? 请问 怎么 …)? One pass over
// the text with a table of the strings' first code units, instead of one search per string: this
// runs on every message of the month.
export function containsAny(needles: readonly string[]): (text: string) => boolean {
  const starts = new Uint8Array(65536);
  const byFirst = new Map<number, string[]>();
  for (const needle of needles) {
    if (needle === '') return () => true; // "" is in every text, as String.prototype.includes says
    const first = needle.charCodeAt(0);
    starts[first] = 1;
    byFirst.set(first, [...(byFirst.get(first) ?? []), needle]);
  }
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (starts[code] === 0) continue;
      for (const needle of byFirst.get(code)!) if (text.startsWith(needle, i)) return true;
    }
    return false;
  };
}
