import { describe, expect, it } from 'vitest';
import { maskPersonalData, privacy } from '../../src/match/mask.js';

describe('maskPersonalData', () => {
  it.each([
    ['电话 13812345678', '电话 138******78'],
    ['电话 １３８１２３４５６７８', '电话 138******78'],
    ['电话 138 1234 5678', '电话 138******78'],
    ['电话 138.1234.5678', '电话 138******78'],
    ['电话 138  0013  8000', '电话 138******00'],
    ['电话 138 - 0013 - 8000', '电话 138******00'],
    ['电话 138\u30001234\u30005678', '电话 138******78'],
    ['电话 138－1234－5678', '电话 138******78'],
    ['电话 +86 138 1234 5678', '电话 +86 138******78'],
    ['电话 0086-13812345678', '电话 0086 138******78'],
    ['电话 86-13812345678', '电话 86 138******78'],
    ['身份证 110105194912310021 号', '身份证 110*************21 号'],
    ['身份证 110105194912310029 错', '身份证 110*************29 错'],
    ['卡 6222 0212 3456 7890', '卡 622***********90'],
    ['邮箱 zhang.san@example.com。', '邮箱 z***@example.com。'],
    ['邮箱 ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', '邮箱 z***@example.com'],
    ['会议 2026-10-03 10:00 开', '会议 2026-10-03 10:00 开'],
    ['共 123456 人', '共 123456 人'],
  ])('%s → %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('leaves text alone with --no-redact', () => {
    expect(privacy('电话 13812345678', false)).toBe('电话 13812345678');
  });

  it('is idempotent (outputs mask again what the engine masked)', () => {
    const once = maskPersonalData('电话 +86 138 1234 5678 邮箱 zhang@example.com');
    expect(maskPersonalData(once)).toBe(once);
  });
});
