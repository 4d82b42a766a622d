import { useCallback } from 'react';
import { useI18n, type Lang, type Vars } from '../../i18n';
import { adminEn } from './en';
import { adminZhCN, type AdminKey } from './zh-CN';

export type { AdminKey } from './zh-CN';

const dictionaries: Record<Lang, Record<AdminKey, string>> = { 'zh-CN': adminZhCN, en: adminEn };

export type AdminT = (key: AdminKey, vars?: Vars) => string;

/** The admin wording in the app's current language (the language switch is the app's own). */
export function useAdminText(): AdminT {
  const { lang } = useI18n();
  return useCallback(
    (key: AdminKey, vars?: Vars) => {
      const text = dictionaries[lang][key];
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    [lang],
  );
}
