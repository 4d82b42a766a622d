import { Text, View } from '@tarojs/components';
import { useI18n } from '../i18n';
import { LangSwitch } from './lang-switch';
import { Pressable } from './pressable';
import './intro.css';

/** The one-screen explanation shown on first open. */
export function Intro({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <View className='intro' ariaRole='dialog' ariaLabel={t('intro.title')}>
      <View className='intro__box'>
        <LangSwitch className='intro__lang' />
        <Text className='intro__title'>{t('intro.title')}</Text>
        {(['intro.body1', 'intro.body2', 'intro.body3', 'intro.body4'] as const).map((key) => (
          <Text key={key} className='intro__line'>
            {t(key)}
          </Text>
        ))}
        <Pressable className='btn intro__ok' onPress={onClose}>
          {t('intro.ok')}
        </Pressable>
      </View>
    </View>
  );
}
