import Taro from '@tarojs/taro';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { defaultLang, languages, type Lang } from '../services/languages';
import { readString, StorageKey, writeString } from '../services/storage';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';

export { defaultLang, languages, type Lang };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Vars = Record<string, string | number>;

/** `translate('en', 'offering.left', { n: 12 })` → "12 left". Unknown placeholders stay as written. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

function isLang(value: string | undefined): value is Lang {
  return (languages as readonly string[]).includes(value ?? '');
}

/** The language kept on the device, or the default. */
export function storedLang(): Lang {
  const value = readString(StorageKey.lang);
  return isLang(value) ? value : defaultLang;
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({
  lang: defaultLang,
  t: (key, vars) => translate(defaultLang, key, vars),
  setLang: () => undefined,
});

/** Holds the current language for every page; the choice is kept in storage. */
export function I18nProvider({ children }: { children?: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    writeString(StorageKey.lang, next);
    setLangState(next);
  }, []);

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Sets the page's title bar (weapp) or document title (h5) in the current language. */
export function useTitle(key: MessageKey): void {
  const { t } = useI18n();
  const title = t(key);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);
}
