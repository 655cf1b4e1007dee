// The language of diagnostics and hovers. `qungui.locale` = auto follows VS Code's display language:
// zh-tw and zh-hk read Traditional Chinese, other Chinese reads Simplified, every other display
// language gets English.

export type PolicyLocale = 'zh-CN' | 'zh-TW' | 'en';
export type LocaleSetting = 'auto' | PolicyLocale;

export function resolvePolicyLocale(setting: string | undefined, displayLanguage: string): PolicyLocale {
  if (setting === 'zh-CN' || setting === 'zh-TW' || setting === 'en') return setting;
  const language = displayLanguage.toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(language)) return 'zh-TW';
  return language.startsWith('zh') ? 'zh-CN' : 'en';
}
