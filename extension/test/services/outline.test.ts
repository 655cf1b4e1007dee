// The outline in process: document symbols (sections, list items named by their id or rating) with
// ranges in UTF-16 columns past Chinese labels, and the folding ranges drawn from them (multi-line
// mappings and lists fold, one-line flow items do not).
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { foldingRanges } from '../../src/server/services/folding.js';
import { documentSymbols } from '../../src/server/services/symbols.js';
import { at, example, fixture } from './fixture.js';

const keyRange = (range: Range, key: string): Range => ({ start: range.start, end: { line: range.start.line, character: range.start.character + key.length } });
const property = (key: string, range: Range): DocumentSymbol => ({
  name: key,
  kind: SymbolKind.Property,
  range,
  selectionRange: keyRange(range, key),
  children: [],
});
const symbol = (symbols: DocumentSymbol[] | undefined, name: string) => symbols?.find((s) => s.name === name);
/** A range marked from a key's first line to its last: the fold it should give. */
const fold = (range: Range): FoldingRange => ({ startLine: range.start.line, endLine: range.end.line });

describe('document symbols', () => {
  it('the top-level sections in order, each of its kind', () => {
    const v = fixture(example('management'), 'management').validated;
    expect(documentSymbols(v).map((s) => [s.name, s.kind])).toEqual([
      ['apiVersion', SymbolKind.Property],
      ['kind', SymbolKind.Property],
      ['metadata', SymbolKind.Object],
      ['groups', SymbolKind.Array],
      ['admins', SymbolKind.Array],
      ['ratings', SymbolKind.Array],
      ['membership', SymbolKind.Object],
      ['publishing', SymbolKind.Object],
      ['activities', SymbolKind.Object],
      ['content', SymbolKind.Object],
      ['responsiveness', SymbolKind.Object],
      ['confidentiality', SymbolKind.Object],
      ['assessment', SymbolKind.Object],
      ['outcomes', SymbolKind.Object],
    ]);
  });

  it('a list of flow maps: each item named by its id, its keys with exact ranges', () => {
    const f = at(
      'management',
      '⟦⟦ratings⟧:\n' +
        '  - ⟦{ ⟦id: excellent⟧, ⟦label: 优秀⟧, ⟦labelEn: Excellent⟧ }⟧\n' +
        '  - ⟦{ ⟦id: pass⟧, ⟦label: 合格⟧, ⟦labelEn: Pass⟧ }⟧\n' +
        '  - ⟦{ ⟦id: fail⟧, ⟦label: 不合格⟧, ⟦labelEn: Fail⟧ }⟧\n⟧',
    );
    const [section, key, ...items] = f.ranges;
    const item = (name: string, [range, id, label, labelEn]: Range[]): DocumentSymbol => ({
      name,
      kind: SymbolKind.Struct,
      range: range!,
      selectionRange: { start: range!.start, end: range!.start },
      children: [property('id', id!), property('label', label!), property('labelEn', labelEn!)],
    });
    expect(symbol(documentSymbols(f.validated), 'ratings')).toEqual({
      name: 'ratings',
      kind: SymbolKind.Array,
      range: section,
      selectionRange: key,
      children: [item('excellent', items.slice(0, 4)), item('pass', items.slice(4, 8)), item('fail', items.slice(8, 12))],
    });
  });

  it('block list items named by id, bands by rating, an item with neither by its index', () => {
    const f = at(
      'skill-sales',
      'groups: [⟦wrSkillSales⟧]',
      '      - ⟦rating: excellent\n        min: { activeDays: 12, repliesGiven: 10, onTimeRate: 90 }\n        when: attendanceRate >= 80.0\n⟧',
    );
    const symbols = documentSymbols(f.validated);
    expect(symbol(symbols, 'groups')?.children).toEqual([
      { name: '[0]', kind: SymbolKind.Struct, range: f.ranges[0], selectionRange: { start: f.ranges[0]!.start, end: f.ranges[0]!.start }, children: [] },
    ]);
    expect(symbol(symbol(symbols, 'content')?.children, 'categories')?.children?.map((s) => s.name)).toEqual(['insult', 'ads', 'customer-data', 'strategy']);
    const bands = symbol(symbol(symbol(symbols, 'assessment')?.children, 'participation')?.children, 'bands')?.children;
    expect(bands?.map((s) => s.name)).toEqual(['excellent', 'good', 'pass', 'fail']);
    // A block mapping's range runs to the start of the next item's line.
    expect(bands?.[0]?.range).toEqual(f.ranges[1]);
  });
});

describe('folding ranges', () => {
  it('a section and each of its multi-line keys fold, down to their last line', () => {
    const f = at(
      'management',
      '⟦outcomes:\n  ⟦actions:',
      'Handover and removal }⟧\n  ⟦points:',
      '    fail: -3⟧\n  ⟦followUp:',
      '    fail: [coaching]⟧\n  ⟦escalation:',
      '    action: reassign⟧⟧',
    );
    const outcomes = f.ranges[0]!.start.line;
    expect(foldingRanges(f.validated).filter((r) => r.startLine >= outcomes)).toEqual(f.ranges.map(fold));
  });

  it('block list items fold over their lines; nothing inside them that fits on one line', () => {
    const f = at(
      'onboarding',
      '  ⟦categories:\n    - ⟦id: insult',
      '傻逼]⟧\n    - ⟦id: mockery',
      '丢人现眼]⟧\n    - ⟦id: ads',
      "{5,19}']⟧\n    - ⟦id: rumor",
      '听说要裁员]⟧\n    - ⟦id: confidential',
      '未公开财报]⟧⟧',
    );
    const first = f.ranges[0]!.start.line;
    const last = f.ranges[0]!.end.line;
    expect(foldingRanges(f.validated).filter((r) => r.startLine >= first && r.startLine <= last)).toEqual(f.ranges.map(fold));
  });

  it('a one-line flow mapping does not fold; the section around it does', () => {
    const f = at('onboarding', '⟦content:\n  ‸normalize: { width: true', 'detectorSeverity: error⟧');
    const folds = foldingRanges(f.validated);
    expect(folds.filter((r) => r.startLine === f.position.line)).toEqual([]);
    expect(folds.filter((r) => r.startLine === f.ranges[0]!.start.line)).toEqual([fold(f.ranges[0]!)]);
  });
});
