// Go to definition and find references in process: every declaration and use of a rating, action
// and category id, with the exact ranges marked in the example policies.
import type { Location, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { definition } from '../../src/server/services/definition.js';
import { references } from '../../src/server/services/references.js';
import { at, example, fixture, mark, replaceOnce, type Fixture } from './fixture.js';

const byPosition = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;
/** Locations in document order: the service lists declarations first, then uses in the engine's order. */
const sorted = (locations: Location[]) => [...locations].sort((a, b) => byPosition(a.range, b.range));
const locations = (f: Fixture, ranges: Range[]) => sorted(ranges.map((range) => ({ uri: f.uri, range })));

/** onboarding's rating `fail`: its declaration (the first range), four catch-all bands, points, followUp, escalation. */
const fail = (caretOn: 'declaration' | 'escalation') =>
  at(
    'onboarding',
    caretOn === 'declaration' ? '  - { id: ⟦f‸ail⟧, label: 不合格' : '  - { id: ⟦fail⟧, label: 不合格',
    '      - { rating: ⟦fail⟧ }\n  tests:',
    '      - { rating: ⟦fail⟧ }\n  participation:',
    '      - { rating: ⟦fail⟧ }\n  overall:',
    '      - { rating: ⟦fail⟧ }\n\noutcomes:',
    '    ⟦fail⟧: -3',
    '    ⟦fail⟧: [retake, coaching]',
    caretOn === 'escalation' ? '    rating: ⟦fail‸⟧' : '    rating: ⟦fail⟧',
  );

describe('go to definition', () => {
  it('from a use of a rating (caret just past the id) to its declaration in ratings', () => {
    const f = fail('escalation');
    expect(definition(f.uri, f.validated, f.offset)).toEqual([{ uri: f.uri, range: f.ranges[0] }]);
  });

  it('on the declaration itself: the declaration', () => {
    const f = fail('declaration');
    expect(definition(f.uri, f.validated, f.offset)).toEqual([{ uri: f.uri, range: f.ranges[0] }]);
  });

  it('from an action in followUp to outcomes.actions', () => {
    const f = at('skill-sales', '    - { id: ⟦coaching⟧, label: 主管辅导', 'fail: [retake, coa‸ching]');
    expect(definition(f.uri, f.validated, f.offset)).toEqual([{ uri: f.uri, range: f.ranges[0] }]);
  });

  it('from a category in countCategories to content.categories', () => {
    const f = at('onboarding', '    - id: ⟦rumor⟧', '[insult, ads, ru‸mor]');
    expect(definition(f.uri, f.validated, f.offset)).toEqual([{ uri: f.uri, range: f.ranges[0] }]);
  });

  it('nothing from a key or from a label that reads like an id', () => {
    const key = at('onboarding', 'inactive‸Days: 21');
    const label = at('onboarding', 'labelEn: Fa‸il');
    expect(definition(key.uri, key.validated, key.offset)).toEqual([]);
    expect(definition(label.uri, label.validated, label.offset)).toEqual([]);
  });
});

describe('find references', () => {
  it('every use of a rating, as a band value and as a map key, without the declaration', () => {
    const f = fail('escalation');
    expect(sorted(references(f.uri, f.validated, f.offset, false))).toEqual(locations(f, f.ranges.slice(1)));
  });

  it('with the declaration when asked, from the declaration too', () => {
    for (const f of [fail('escalation'), fail('declaration')]) {
      expect(sorted(references(f.uri, f.validated, f.offset, true))).toEqual(locations(f, f.ranges));
    }
  });

  it('an action used outside outcomes, as confidentiality.handoverAction', () => {
    const f = at('management', '    - { id: ⟦handover⟧, label: 离职交接并移出群聊', 'handoverAction: ⟦hand‸over⟧');
    expect(sorted(references(f.uri, f.validated, f.offset, true))).toEqual(locations(f, f.ranges));
  });

  it('a quoted id: the range is the id inside its quotes', () => {
    const text = replaceOnce(example('management'), 'handoverAction: handover', 'handoverAction: "handover"');
    const f = fixture(mark(text, '    - { id: ⟦handover⟧, label: 离职交接并移出群聊', 'handoverAction: "⟦hand‸over⟧"'), 'management');
    const [use, declared] = f.ranges; // the use comes first in the text
    expect(definition(f.uri, f.validated, f.offset)).toEqual([{ uri: f.uri, range: declared }]);
    expect(references(f.uri, f.validated, f.offset, false)).toEqual([{ uri: f.uri, range: use }]);
  });

  it('nothing from a key', () => {
    const f = at('onboarding', 'inactive‸Days: 21');
    expect(references(f.uri, f.validated, f.offset, true)).toEqual([]);
  });
});
