/**
 * The languages the app speaks. Their words are in i18n/; what services/ formats by language
 * (money, counts) takes the language as a plain value from here, so services never import i18n.
 */
export const languages = ['zh-CN', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'zh-CN';
