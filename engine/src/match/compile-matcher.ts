// Compiles a policy's content section once into a matcher: all terms of all categories and the allow
// list in one automaton over normalized text, patterns on RE2, verified detectors. match(text) reports
// every category's matches, leftmost-longest within a category, mapped back to exact offsets in the
// original text; a match overlapping an allowed phrase is suppressed, whichever is longer.
import { RE2JS } from 're2js';
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import { Automaton } from './automaton.js';
import { NOISE, charTable } from './char-table.js';
import { detect, type DetectorId } from './detectors.js';
import { normalizeOptionsFrom } from './normalize-options.js';
import { normalizeWith } from './normalize-term.js';
import { compilePattern } from './pattern.js';
import { localized } from '../i18n/localized-text.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';

type Severity = 'error' | 'warning' | 'info';

export interface ContentMatch {
  /** UTF-16 offsets in the original text, [start, end). */
  start: number;
  end: number;
  categoryId: string;
  clause: string;
  severity: Severity;
  kind: 'term' | 'pattern' | 'detector';
  /** The term, the pattern source or the detector id that matched. */
  rule: string;
  /** Index of the term or pattern in its category's list (the policy line); 0 for detectors. */
  ruleIndex: number;
  /** The original text of the match. */
  text: string;
}

export interface ContentMatcher {
  match(text: string): ContentMatch[];
  readonly termCount: number;
}

export interface CompileProblem {
  path: string;
  message: LocalizedText;
}

export class MatcherCompileError extends Error {
  constructor(readonly problems: CompileProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message.en}`).join('; '));
  }
}

interface Entry {
  category: number;
  term: string;
  termIndex: number;
}
interface Category {
  id: string;
  clause: string;
  severity: Severity;
}

const ALLOW = -1;
/** Class of a noise code unit, stepped over inside a match. */
const SKIP = 0xffff;

export function compileMatcher(content: Policy['content']): ContentMatcher {
  const options = normalizeOptionsFrom(content);
  const table = charTable(options);
  const categories: Category[] = [];
  const entries: Entry[] = [];
  const normalized: string[] = [];
  const patterns: { category: number; index: number; source: string; regex: RE2JS }[] = [];
  const problems: CompileProblem[] = [];
  const seen = new Map<string, number>();

  (content?.categories ?? []).forEach((category, c) => {
    categories.push({ id: category.id, clause: category.clause, severity: (category.severity ?? 'error') as Severity });
    (category.terms ?? []).forEach((term, i) => {
      const form = normalizeWith(table, term, options.repeats);
      if (form === '') {
        problems.push({
          path: `content.categories[${c}].terms[${i}]`,
          message: localized('词语 {stringify} 只由干扰字符组成', 'term {stringify} consists only of skipped characters', { stringify: JSON.stringify(term) }),
        });
        return;
      }
      // The same normalized term twice in one category would report twice: keep the first.
      const key = `${c}\u0000${form}`;
      if (seen.has(key)) return;
      seen.set(key, entries.length);
      entries.push({ category: c, term, termIndex: i });
      normalized.push(form);
    });
    (category.patterns ?? []).forEach((source, i) => {
      const check = compilePattern(source);
      if (!check.ok) {
        problems.push({
          path: `content.categories[${c}].patterns[${i}]`,
          message: localized('正则表达式无效：{message}', 'invalid pattern: {message}', { message: check.message }),
        });
        return;
      }
      patterns.push({ category: c, index: i, source, regex: RE2JS.compile(source) });
    });
  });
  for (const phrase of content?.allow ?? []) {
    const form = normalizeWith(table, phrase, options.repeats);
    if (form === '') continue;
    entries.push({ category: ALLOW, term: phrase, termIndex: -1 });
    normalized.push(form);
  }
  if (problems.length) throw new MatcherCompileError(problems);

  const automaton = new Automaton(normalized);
  // Normalization and classing fused into one lookup per code unit: SKIP for noise, 0 for a code
  // unit no entry contains (it ends any partial match), else the automaton's class.
  const classes = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) classes[c] = table[c] === NOISE ? SKIP : automaton.classOf[table[c]!]!;
  const entryCategory = Int32Array.from(entries, (e) => e.category);
  const hasAllow = entries.some((e) => e.category === ALLOW);
  const detectors = new Set((content?.detectors ?? []) as DetectorId[]);
  const detectorSeverity = (content?.detectorSeverity ?? 'error') as Severity;
  // Detectors and the fold for them: width and digit styles only, one code unit for one.
  const foldTable = detectors.size ? charTable({ width: true, case: false, traditional: false, digits: true, skip: false, repeats: false }) : undefined;
  // What a text needs before any detector can fire, checked without building the folded text: the
  // shortest number detected is 11 digits (a mobile number; IDs are 18, cards 16); an e-mail needs
  // "@" and a URL or domain needs ".".
  const numbers = detectors.has('phone') || detectors.has('id-card') || detectors.has('bank-card');
  const addresses = detectors.has('email') || detectors.has('url');
  const mayHold = (text: string, fold: Uint16Array): boolean => {
    let digits = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold[text.charCodeAt(i)]!;
      if (c >= 0x30 && c <= 0x39) {
        if (numbers && ++digits >= 11) return true;
      } else if (addresses && (c === 0x40 || c === 0x2e)) return true;
    }
    return false;
  };
  // Reused between calls: fed position → original offset, and candidate triples (entry, from, to).
  let positions = new Int32Array(1024);
  let found = new Int32Array(3 * 64);
  const termCount = entries.filter((e) => e.category !== ALLOW).length;

  function match(text: string): ContentMatch[] {
    if (positions.length < text.length) positions = new Int32Array(Math.max(text.length, positions.length * 2));
    // 1. One pass: one table lookup per code unit, one double-array transition, candidates into a
    //    reused buffer. This loop is the matcher's hot path: no allocation, no calls.
    const { records, nodeEntry, entryNext, entryLength } = automaton;
    const repeats = options.repeats;
    let count = 0;
    let state = 0;
    let fed = 0;
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const c = classes[text.charCodeAt(i)]!;
      if (c === SKIP) continue;
      if (repeats) {
        if (c === previous) continue;
        previous = c;
      }
      if (c === 0) {
        state = 0;
        continue;
      }
      positions[fed] = i;
      let s = state;
      for (;;) {
        const t = records[s << 2]! + c;
        if (records[(t << 2) + 1] === s) {
          state = t;
          break;
        }
        if (s === 0) {
          state = 0;
          break;
        }
        s = records[(s << 2) + 2]!;
      }
      for (let out = records[(state << 2) + 3]!; out !== 0; out = records[(records[(out << 2) + 2]! << 2) + 3]!) {
        for (let e = nodeEntry[out]!; e !== -1; e = entryNext[e]!) {
          if (found.length < count + 3) {
            const grown = new Int32Array(found.length * 2);
            grown.set(found);
            found = grown;
          }
          found[count] = e;
          found[count + 1] = fed - entryLength[e]! + 1;
          found[count + 2] = fed;
          count += 3;
        }
      }
      fed++;
    }
    const results: ContentMatch[] = [];
    if (count) {
      // 2. Allowed phrases suppress any overlapping match (only when the policy has an allow list).
      let list: number[] = [];
      for (let k = 0; k < count; k += 3) list.push(k);
      if (hasAllow) {
        const allowed = list.filter((k) => entryCategory[found[k]!] === ALLOW);
        list = list.filter((k) => entryCategory[found[k]!] !== ALLOW && !allowed.some((a) => found[a + 1]! <= found[k + 2]! && found[k + 1]! <= found[a + 2]!));
      }
      // 3. Leftmost-longest, non-overlapping, within each category: one sort by (category, start, -end).
      const before = (a: number, b: number) =>
        entryCategory[found[a]!]! - entryCategory[found[b]!]! || found[a + 1]! - found[b + 1]! || found[b + 2]! - found[a + 2]!;
      sortSmall(list, before);
      let lastCategory = -2;
      let lastEnd = -1;
      for (const k of list) {
        const category = entryCategory[found[k]!]!;
        if (category !== lastCategory) {
          lastCategory = category;
          lastEnd = -1;
        }
        if (found[k + 1]! <= lastEnd) continue;
        lastEnd = found[k + 2]!;
        const entry = entries[found[k]!]!;
        const cat = categories[category]!;
        const start = positions[found[k + 1]!]!;
        const end = positions[found[k + 2]!]! + 1;
        results.push({
          start,
          end,
          categoryId: cat.id,
          clause: cat.clause,
          severity: cat.severity,
          kind: 'term',
          rule: entry.term,
          ruleIndex: entry.termIndex,
          text: text.slice(start, end),
        });
      }
    }
    // 4. Patterns, on the original text (RE2: linear time).
    for (const p of patterns) {
      const matcher = p.regex.matcher(text);
      let from = 0;
      while (from <= text.length && matcher.find(from)) {
        const start = matcher.start();
        const end = matcher.end();
        const cat = categories[p.category]!;
        results.push({
          start,
          end,
          categoryId: cat.id,
          clause: cat.clause,
          severity: cat.severity,
          kind: 'pattern',
          rule: p.source,
          ruleIndex: p.index,
          text: text.slice(start, end),
        });
        from = end > start ? end : end + 1;
      }
    }
    // 5. Detectors (S1), on width- and digit-folded text of the same length.
    if (foldTable && mayHold(text, foldTable)) {
      const folded = foldText(text, foldTable);
      for (const hit of detect(folded, detectors)) {
        results.push({
          start: hit.start,
          end: hit.end,
          categoryId: hit.detector,
          clause: 'S1',
          severity: detectorSeverity,
          kind: 'detector',
          rule: hit.detector,
          ruleIndex: 0,
          text: text.slice(hit.start, hit.end),
        });
      }
    }
    // Usually already in order (one category, matches found left to right): check before sorting.
    return sortSmall(results, (a, b) => a.start - b.start || b.end - a.end || (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
  }

  return { match, termCount };
}

/**
 * Sorts in place. Messages yield a handful of matches, for which an insertion sort (no-op when already
 * in order) is several times cheaper than Array.prototype.sort; long lists go to the built-in sort.
 */
function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 32) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** The text with each code unit replaced by its table entry; the text itself when nothing changes (most messages). */
function foldText(text: string, table: Uint16Array): string {
  let first = 0;
  while (first < text.length && table[text.charCodeAt(first)] === text.charCodeAt(first)) first++;
  if (first === text.length) return text;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = table[text.charCodeAt(i)]!;
  let out = '';
  for (let at = 0; at < units.length; at += 8192) out += String.fromCharCode(...units.subarray(at, at + 8192));
  return out;
}
