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

export interface CompileProblem { path: string; message: { 'zh-CN': string; en: string } }

export class MatcherCompileError extends Error {
  constructor(readonly problems: CompileProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message.en}`).join('; '));
  }
}

interface Entry { category: number; term: string; termIndex: number }
interface Category { id: string; clause: string; severity: Severity }

const ALLOW = -1;

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
        problems.push({ path: `content.categories[${c}].terms[${i}]`, message: { 'zh-CN': `词语 ${JSON.stringify(term)} 只由干扰字符组成`, en: `term ${JSON.stringify(term)} consists only of skipped characters` } });
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
        problems.push({ path: `content.categories[${c}].patterns[${i}]`, message: { 'zh-CN': `正则表达式无效：${check.message}`, en: `invalid pattern: ${check.message}` } });
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
  const entryCategory = Int32Array.from(entries, (e) => e.category);
  const hasAllow = entries.some((e) => e.category === ALLOW);
  const detectors = new Set((content?.detectors ?? []) as DetectorId[]);
  const detectorSeverity = (content?.detectorSeverity ?? 'error') as Severity;
  // Detectors and the fold for them: width and digit styles only, one code unit for one.
  const foldTable = detectors.size ? charTable({ width: true, case: false, traditional: false, digits: true, skip: false, repeats: false }) : undefined;
  let positions = new Int32Array(1024);
  const termCount = entries.filter((e) => e.category !== ALLOW).length;

  function match(text: string): ContentMatch[] {
    if (positions.length < text.length) positions = new Int32Array(Math.max(text.length, positions.length * 2));
    // 1. One pass: normalize each code unit by table lookup, feed the automaton, collect candidates.
    //    The transition is inlined (dense root, hashed rest): this loop is the matcher's hot path.
    let candidates: { entry: number; from: number; to: number }[] | undefined;
    let state = 0;
    let fed = 0;
    let previous = -1;
    const repeats = options.repeats;
    const { nodeEntry, outputLink, rootNext, fail, hashNode, hashChar, hashNext, mask, entryNext, entryLength, childMask } = automaton;
    const bit = (c: number) => 1 << (c & 31);
    for (let i = 0; i < text.length; i++) {
      const c = table[text.charCodeAt(i)]!;
      if (c === NOISE) continue;
      if (repeats && c === previous) continue;
      previous = c;
      positions[fed] = i;
      let s = state;
      let target = -1;
      const cBit = bit(c);
      while (s !== 0) {
        if ((childMask[s]! & cBit) === 0) { s = fail[s]!; continue; }
        let slot = (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
        for (;;) {
          const n = hashNode[slot]!;
          if (n === -1) break;
          if (n === s && hashChar[slot] === c) { target = hashNext[slot]!; break; }
          slot = (slot + 1) & mask;
        }
        if (target !== -1) break;
        s = fail[s]!;
      }
      state = target !== -1 ? target : rootNext[c]!;
      if (state !== 0) {
        let node = nodeEntry[state] !== -1 ? state : outputLink[state]!;
        while (node !== 0) {
          for (let e = nodeEntry[node]!; e !== -1; e = entryNext[e]!) {
            (candidates ??= []).push({ entry: e, from: fed - entryLength[e]! + 1, to: fed });
          }
          node = outputLink[node]!;
        }
      }
      fed++;
    }
    const results: ContentMatch[] = [];
    if (candidates) {
      // 2. Allowed phrases suppress any overlapping match (only when the policy has an allow list).
      let list = candidates;
      if (hasAllow) {
        const allowed = list.filter((m) => entryCategory[m.entry] === ALLOW);
        list = list.filter((m) => entryCategory[m.entry] !== ALLOW && !allowed.some((a) => a.from <= m.to && m.from <= a.to));
      }
      // 3. Leftmost-longest, non-overlapping, within each category: one sort by (category, start, -end).
      if (list.length > 1) list.sort((a, b) => entryCategory[a.entry]! - entryCategory[b.entry]! || a.from - b.from || b.to - a.to);
      let lastCategory = -2;
      let lastEnd = -1;
      for (const m of list) {
        const category = entryCategory[m.entry]!;
        if (category !== lastCategory) {
          lastCategory = category;
          lastEnd = -1;
        }
        if (m.from <= lastEnd) continue;
        lastEnd = m.to;
        const entry = entries[m.entry]!;
        const cat = categories[category]!;
        const start = positions[m.from]!;
        const end = positions[m.to]! + 1;
        results.push({ start, end, categoryId: cat.id, clause: cat.clause, severity: cat.severity, kind: 'term', rule: entry.term, ruleIndex: entry.termIndex, text: text.slice(start, end) });
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
        results.push({ start, end, categoryId: cat.id, clause: cat.clause, severity: cat.severity, kind: 'pattern', rule: p.source, ruleIndex: p.index, text: text.slice(start, end) });
        from = end > start ? end : end + 1;
      }
    }
    // 5. Detectors (S1), on width- and digit-folded text of the same length.
    if (foldTable) {
      let folded = '';
      for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldTable[text.charCodeAt(i)]!);
      for (const hit of detect(folded, detectors)) {
        results.push({ start: hit.start, end: hit.end, categoryId: hit.detector, clause: 'S1', severity: detectorSeverity, kind: 'detector', rule: hit.detector, ruleIndex: 0, text: text.slice(hit.start, hit.end) });
      }
    }
    return results.sort((a, b) => a.start - b.start || b.end - a.end || a.categoryId.localeCompare(b.categoryId));
  }

  return { match, termCount };
}
