// Where the cursor is in a policy while it is being typed (often not valid YAML yet): the path of the
// mapping it is in, and the key whose value it is on, read from indentation and flow brackets.
export interface CursorContext {
  /** Path of the enclosing mapping (array items as index 0: enough to find the schema). */
  path: (string | number)[];
  /** Set when the cursor is in the value of this key. */
  valueKey?: string;
  /** The word being typed at the cursor and where it starts (for the completion's replace range). */
  word: string;
  wordStart: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(.*)$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Keys from the enclosing block structure above `lineIndex`, outermost first. */
function blockPath(lines: string[], lineIndex: number, indent: number): (string | number)[] {
  const path: (string | number)[] = [];
  let limit = indent;
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lineIndent = indentOf(line);
    const m = KEY_LINE.exec(line);
    const dash = /^(\s*)-(\s+|$)/.exec(line);
    if (dash && dash[1]!.length < limit) {
      // A list item encloses us: its own key (if any) sits after the dash.
      path.unshift(0);
      limit = dash[1]!.length;
      continue;
    }
    if (m && lineIndent < limit) {
      path.unshift(m[3]!);
      limit = lineIndent;
    }
  }
  return path;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const before = text.slice(lineStart, offset);
  const wordMatch = /[\w.\-\u4e00-\u9fff]*$/.exec(before)!;
  const word = wordMatch[0];
  const wordStart = offset - word.length;
  const indent = indentOf(before);
  const dashItem = /^(\s*)-\s+/.exec(before);
  let path = blockPath(lines, lines.length, dashItem ? dashItem[1]!.length : indent);
  if (dashItem) path = [...path, 0];

  // Inside flow brackets on this line: `- { rating: go|` or `weights: { tests: 0.4, par|`.
  const flow =
    /([A-Za-z_][\w-]*)\s*:\s*\{([^{}]*)$/.exec(before) ?? (/^\s*-\s*\{([^{}]*)$/.exec(before) ? [null, null, /^\s*-\s*\{([^{}]*)$/.exec(before)![1]] : null);
  if (flow) {
    if (flow[1]) path = [...blockPath(lines, lines.length, dashItem ? dashItem[1]!.length : indent), ...(dashItem ? [0] : []), flow[1]];
    const inner = flow[2] ?? '';
    const lastPair = /(?:^|,)\s*([A-Za-z_][\w-]*)\s*:\s*([^,]*)$/.exec(inner);
    if (lastPair) return { path, valueKey: lastPair[1]!, word, wordStart };
    return { path, word, wordStart };
  }
  const flowList = /([A-Za-z_][\w-]*)\s*:\s*\[([^\]]*)$/.exec(before);
  if (flowList) return { path: blockPath(lines, lines.length, indent), valueKey: flowList[1]!, word, wordStart };

  const keyValue = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s+(.*)$/.exec(before);
  if (keyValue) return { path, valueKey: keyValue[1]!, word, wordStart };
  // A list item under a key (`countCategories:` then `  - in|`): the value of that key.
  if (dashItem && path.length >= 2 && typeof path[path.length - 2] === 'string') {
    const key = path[path.length - 2] as string;
    return { path: path.slice(0, -2), valueKey: key, word, wordStart };
  }
  return { path, word, wordStart };
}

/**
 * Keys already present in the mapping the cursor is in (block siblings at the cursor's indentation,
 * or the keys of the flow mapping `{ … }` around it): completion leaves them out, as a key may
 * appear once (a second one is a duplicate-key error).
 */
export function siblingKeys(text: string, offset: number): Set<string> {
  const keys = new Set<string>();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndAt === -1 ? undefined : lineEndAt);
  const column = offset - lineStart;
  const open = line.lastIndexOf('{', column - 1);
  if (open !== -1 && line.indexOf('}', open) !== -1 && line.lastIndexOf('}', column - 1) < open) {
    const inner = line.slice(open + 1, line.indexOf('}', column));
    for (const m of inner.matchAll(/(?:^|,)(\s*)([A-Za-z_][\w-]*)\s*:/g)) {
      const start = open + 1 + m.index + m[0].indexOf(m[2]!, m[1]!.length);
      if (column < start || column > start + m[2]!.length) keys.add(m[2]!); // not the key being typed over
    }
    return keys;
  }
  const before = line.slice(0, column);
  const dash = /^(\s*)-\s+/.exec(before);
  const indent = dash ? dash[0].length : indentOf(before);
  const lines = text.split('\n');
  const here = text.slice(0, lineStart).split('\n').length - 1;
  const visit = (i: number, step: 1 | -1): void => {
    for (; i >= 0 && i < lines.length; i += step) {
      const l = lines[i]!;
      if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
      const itemDash = /^(\s*)-(\s+|$)/.exec(l);
      const lineIndent = itemDash ? itemDash[0].length : indentOf(l);
      const key = KEY_LINE.exec(l)?.[3];
      if (itemDash) {
        // The first line of our list item (`- key: …`) belongs to it; any other item ends the mapping.
        if (step === -1 && lineIndent === indent && !dash && key) keys.add(key);
        if (step === -1 && lineIndent === indent && !dash) return;
        if (itemDash[1]!.length < indent) return;
        continue;
      }
      if (lineIndent < indent) return;
      if (lineIndent === indent && key) keys.add(key);
    }
  };
  visit(here - 1, -1);
  if (!dash) visit(here + 1, 1);
  return keys;
}
