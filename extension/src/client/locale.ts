// The language of diagnostics and hovers. `qungui.locale` = auto follows VS Code's display language:
// Chinese in any variant (zh-cn, zh-tw, zh-hk) reads zh-CN text, because the policy authors read
// simplified Chinese first; every other display language gets English.

export type PolicyLocale = 'zh-CN' | 'en';
export type LocaleSetting = 'auto' | PolicyLocale;

export function resolvePolicyLocale(setting: string | undefined, displayLanguage: string): PolicyLocale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
