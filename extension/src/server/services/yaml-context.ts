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
  const contentIndent = dashItem ? dashItem[0].length : indent;
  let path = blockPath(lines, lines.length, dashItem ? dashItem[1]!.length : indent);
  if (dashItem) path = [...path, 0];

  // Inside flow brackets on this line: `- { rating: go|` or `weights: { tests: 0.4, par|`.
  const flow = /([A-Za-z_][\w-]*)\s*:\s*\{([^{}]*)$/.exec(before) ?? (/^\s*-\s*\{([^{}]*)$/.exec(before) ? [null, null, /^\s*-\s*\{([^{}]*)$/.exec(before)![1]] : null);
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
  void contentIndent;
  return { path, word, wordStart };
}
