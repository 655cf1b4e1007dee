import { describe, expect, it } from 'vitest';
import { resolvePolicyLocale } from '../../src/client/locale.js';

describe('resolvePolicyLocale', () => {
  it('follows the display language under auto: any Chinese reads zh-CN, the rest English', () => {
    expect(resolvePolicyLocale('auto', 'zh-cn')).toBe('zh-CN');
    expect(resolvePolicyLocale('auto', 'zh-tw')).toBe('zh-TW');
    expect(resolvePolicyLocale('auto', 'zh-hk')).toBe('zh-TW');
    expect(resolvePolicyLocale('zh-TW', 'en')).toBe('zh-TW');
    expect(resolvePolicyLocale(undefined, 'en')).toBe('en');
    expect(resolvePolicyLocale('auto', 'ja')).toBe('en');
  });

  it('obeys an explicit setting whatever the display language', () => {
    expect(resolvePolicyLocale('en', 'zh-cn')).toBe('en');
    expect(resolvePolicyLocale('zh-CN', 'en')).toBe('zh-CN');
  });
});
