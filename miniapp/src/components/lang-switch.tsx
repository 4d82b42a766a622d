import { Pressable } from './pressable';
import { useI18n } from '../i18n';

/** 中文 ⇄ EN, remembered on the device. */
export function LangSwitch({ className }: { className: string }) {
  const { lang, t, setLang } = useI18n();
  return (
    <Pressable className={`${className} lang-switch`} label={`${t('lang.switch')} · ${t('lang.switchLabel')}`} onPress={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('lang.switch')}
    </Pressable>
  );
}
