import { View } from '@tarojs/components';
import { useI18n } from '../i18n';

/** 中文 ⇄ EN, remembered on the device. */
export function LangSwitch({ className }: { className: string }) {
  const { lang, t, setLang } = useI18n();
  return (
    <View className={`${className} lang-switch`} ariaRole='button' ariaLabel={t('lang.switchLabel')} onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('lang.switch')}
    </View>
  );
}
