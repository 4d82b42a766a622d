import { Text, View } from '@tarojs/components';
import { useI18n } from '../i18n';
import { useModal } from '../hooks/use-modal';
import { LangSwitch } from './lang-switch';
import { Pressable } from './pressable';
import './intro.css';

/** The one-screen explanation shown on first open. */
export function Intro({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  useModal('.intro', onClose, '.intro__ok');
  return (
    <View className='intro' ariaRole='dialog' aria-modal='true' ariaLabel={t('intro.title')}>
      <View className='intro__box'>
        <LangSwitch className='intro__lang' />
        <View className='intro__title' ariaRole='heading' aria-level='2'>
          {t('intro.title')}
        </View>
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
