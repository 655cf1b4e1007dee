// The content matcher (issue 3): each normalization, each dodge users report against
// houbb/sensitive-word, allow-list overlaps, verified detectors, exact original offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, MatcherCompileError, type ContentMatch } from '../../src/match/index.js';

type Content = Parameters<typeof compileMatcher>[0];
const content = (terms: string[], extra: Partial<NonNullable<Content>> = {}): Content => ({
  categories: [{ id: 'insult', label: '侮辱', clause: 'N1', terms }],
  ...extra,
});
const spans = (matches: ContentMatch[]) => matches.map((m) => `${m.categoryId}:${m.start}-${m.end}:${m.text}`);

describe('normalization and dodges', () => {
  const m = compileMatcher(content(['傻逼', '麻痹', 'sb', '口交', '他妈', '黄片', '废物', '加微信']));
  it('skips noise inside a match: symbols, punctuation, spaces', () => {
    expect(spans(m.match('你个傻@#￥%逼'))).toEqual(['insult:2-8:傻@#￥%逼']);
    expect(spans(m.match('麻。。。痹了'))).toEqual(['insult:0-5:麻。。。痹']);
    expect(spans(m.match('加 微 信'))).toEqual(['insult:0-5:加 微 信']);
  });
  it('skips zero-width, bidi and variation characters between letters', () => {
    expect(spans(m.match('s\u200Bb'))).toEqual(['insult:0-3:s\u200Bb']);
    expect(spans(m.match('傻\u202E逼'))).toEqual(['insult:0-3:傻\u202E逼']);
    expect(spans(m.match('废\uFE0F物'))).toEqual(['insult:0-3:废\uFE0F物']);
  });
  it('folds full width and case', () => {
    expect(spans(m.match('ＳＢ'))).toEqual(['insult:0-2:ＳＢ']);
    expect(spans(m.match('你是SB'))).toEqual(['insult:2-4:SB']);
  });
  it('reads Traditional as Simplified', () => {
    expect(spans(m.match('真是廢物'))).toEqual(['insult:2-4:廢物']);
  });
  it('folds digit styles', () => {
    const digits = compileMatcher(content(['3号']));
    expect(spans(digits.match('③号'))).toEqual(['insult:0-2:③号']);
    expect(spans(digits.match('⑶号'))).toEqual(['insult:0-2:⑶号']);
    expect(spans(digits.match('叁号'))).toEqual(['insult:0-2:叁号']);
    expect(spans(digits.match('³号'))).toEqual(['insult:0-2:³号']);
    expect(spans(digits.match('３号'))).toEqual(['insult:0-2:３号']);
  });
  it('collapses repeats only when asked', () => {
    expect(spans(m.match('傻傻逼'))).toEqual(['insult:1-3:傻逼']);
    const collapsing = compileMatcher(content(['傻逼'], { normalize: { repeats: true } }));
    expect(spans(collapsing.match('傻傻傻逼'))).toEqual(['insult:0-4:傻傻傻逼']);
  });
  it('every switch can be turned off', () => {
    const strict = compileMatcher(content(['废物', 'sb'], { normalize: { traditional: false, case: false, skip: false } }));
    expect(spans(strict.match('廢物 SB s b sb'))).toEqual(['insult:10-12:sb']);
  });
});

describe('allow list', () => {
  const m = compileMatcher(content(['口交', '他妈', '黄片'], { allow: ['路口交通', '他妈妈', '三黄片'] }));
  it('suppresses a match overlapping an allowed phrase, whichever is longer', () => {
    expect(spans(m.match('前方路口交通拥堵'))).toEqual([]);
    expect(spans(m.match('他妈妈做的饭'))).toEqual([]);
    expect(spans(m.match('三黄片是中药'))).toEqual([]);
    expect(spans(m.match('看黄片'))).toEqual(['insult:1-3:黄片']);
    expect(spans(m.match('他妈的'))).toEqual(['insult:0-2:他妈']);
  });
});

describe('matching', () => {
  it('leftmost-longest within a category, every category reported', () => {
    const m = compileMatcher({
      categories: [
        { id: 'a', label: 'A', clause: 'N4', terms: ['微信', '加微信', '微信号'] },
        { id: 'b', label: 'B', clause: 'N4', terms: ['信号'] },
      ],
    });
    expect(spans(m.match('请加微信号'))).toEqual(['a:1-4:加微信', 'b:3-5:信号']);
  });
  it('patterns run on RE2 with their source and index', () => {
    const m = compileMatcher({ categories: [{ id: 'ads', label: '广告', clause: 'N4', patterns: ['[vV微]信[号:：]\\s?[A-Za-z][-_A-Za-z0-9]{5,19}'] }] });
    const [hit] = m.match('加我微信：abc123_x 详聊');
    expect(hit).toMatchObject({ start: 2, end: 13, kind: 'pattern', ruleIndex: 0, text: '微信：abc123_x' });
  });
  it('refuses terms made only of noise at compile time', () => {
    expect(() => compileMatcher(content(['！！', '  ']))).toThrow(MatcherCompileError);
    try {
      compileMatcher(content(['ok', '！！']));
    } catch (error) {
      expect((error as MatcherCompileError).problems.map((p) => p.path)).toEqual(['content.categories[0].terms[1]']);
    }
  });
});

describe('detectors', () => {
  const m = compileMatcher({ detectors: ['phone', 'id-card', 'bank-card', 'email', 'url'] });
  const found = (text: string) => m.match(text).map((x) => `${x.categoryId}:${x.text}`);
  it('mobile numbers with separators and +86', () => {
    expect(found('电话 138 0013 8000，或 +86 139-1234-5678')).toEqual(['phone:138 0013 8000', 'phone:+86 139-1234-5678']);
    expect(found('订单号 12800138000')).toEqual([]);
  });
  it('digit groups with a few separators between them', () => {
    expect(found('电话 138  0013  8000 或 139 - 1234 - 5678')).toEqual(['phone:138  0013  8000', 'phone:139 - 1234 - 5678']);
    expect(found('编号 138    0013 8000')).toEqual([]);
  });
  it('resident IDs with a valid check digit and birth date only', () => {
    expect(found('身份证 11010519491231002X')).toEqual(['id-card:11010519491231002X']);
    expect(found('身份证 110105194912310021')).toEqual([]);
    expect(found('身份证 110105194902300021')).toEqual([]);
  });
  it('bank cards that pass Luhn', () => {
    expect(found('卡号 6222 0202 0000 0000 006')).toEqual(['bank-card:6222 0202 0000 0000 006']);
    expect(found('卡号 6222020200000000004')).toEqual([]);
  });
  it('e-mail and URLs, bare domains with a real TLD', () => {
    expect(found('邮件 zhang.wei@example.com.cn 或访问 www.example.com/path。')).toEqual(['email:zhang.wei@example.com.cn', 'url:www.example.com/path']);
    expect(found('见 产品手册.pdf 和 v1.2')).toEqual([]);
  });
  it('full-width digits are folded for detection', () => {
    expect(found('１３８００１３８０００')).toEqual(['phone:１３８００１３８０００']);
  });
});

describe('bad input', () => {
  const m = compileMatcher(content(['废物', '傻逼'], { detectors: ['phone', 'email', 'url'] }));
  it('empty, lone surrogates and every plane', () => {
    expect(m.match('')).toEqual([]);
    expect(spans(m.match('\uD800废物\uDFFF'))).toEqual(['insult:1-3:废物']);
    expect(spans(m.match('😀废𠀀物'))).toEqual([]);
  });
  it('a 1 MB message without a hang, adversarial for e-mail patterns', () => {
    const huge = `${'a'.repeat(500_000)}@${'b'.repeat(500_000)}废物`;
    const hits = m.match(huge);
    expect(spans(hits.filter((h) => h.categoryId === 'insult'))).toEqual(['insult:1000001-1000003:废物']);
  });
  it('a 200k-term dictionary compiles and matches', () => {
    const terms = Array.from({ length: 200_000 }, (_, i) => `词${i.toString(36)}项`);
    const big = compileMatcher(content(terms));
    expect(big.termCount).toBe(200_000);
    expect(spans(big.match('这是词zz项吗'))).toEqual(['insult:2-6:词zz项']);
  });
});

describe('properties', () => {
  const terms = ['废物', '蠢货', '加微信', '报价底价'];
  const m = compileMatcher(content(terms));
  const noise = fc.constantFrom(' ', '*', '@', '#', '。', '，', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u202E', '\uFE0F', '￥', '·');
  it('noise inserted anywhere inside a term still matches, and the span covers the term', () => {
    fc.assert(
      fc.property(fc.constantFrom(...terms), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 6 }), fc.string({ maxLength: 5 }), (term, inserts, prefix) => {
        const chars = [...term];
        for (const [at, ch] of inserts) chars.splice(1 + (at % (chars.length - 1)), 0, ch);
        const dodged = chars.join('');
        const text = `${prefix.replace(/[废物蠢货加微信报价底]/g, '')}${dodged}`;
        const hits = m.match(text).filter((h) => h.rule === term);
        expect(hits.length).toBeGreaterThanOrEqual(1);
        const start = text.length - dodged.length;
        expect(hits.some((h) => h.start === start && h.end === text.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('never reports a span outside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const h of m.match(text)) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(text.length);
          expect(h.start).toBeLessThan(h.end);
          expect(text.slice(h.start, h.end)).toBe(h.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});
