import { describe, expect, it } from 'vitest';
import { localeFromEnvironment, localeOfTag } from '../../src/diagnostics/system-locale.js';

describe('the language of a tag or of the environment', () => {
  it('Taiwan, Hong Kong, Macao and Traditional script read zh-TW; other Chinese zh-CN; English en; the rest nothing', () => {
    const read = (tags: string[]) => tags.map(localeOfTag);
    expect(read(['zh_TW.UTF-8', 'zh-tw', 'zh-HK', 'zh_MO', 'zh-Hant', 'zh-Hant-TW'])).toEqual(Array(6).fill('zh-TW'));
    expect(read(['zh_CN.UTF-8', 'zh-cn', 'zh', 'zh_SG', 'zh-Hans'])).toEqual(Array(5).fill('zh-CN'));
    expect(read(['en', 'en_US.UTF-8', 'en-GB'])).toEqual(['en', 'en', 'en']);
    expect(read(['fr_FR', 'C', 'POSIX', 'zhx'])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('LC_ALL, else LC_MESSAGES, else LANG; any non-Chinese setting is English; nothing set says nothing', () => {
    expect(localeFromEnvironment({ LANG: 'zh_HK.UTF-8' })).toBe('zh-TW');
    expect(localeFromEnvironment({ LANG: 'zh_TW.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: 'C.UTF-8', LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({})).toBeUndefined();
  });
});
