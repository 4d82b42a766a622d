import { View } from '@tarojs/components';
import { useI18n } from '../i18n';
import { go } from '../routes';
import { LangSwitch } from './lang-switch';
import { Pressable } from './pressable';
import './top-bar.css';

export interface TopBarProps {
  title: string;
  /** Shows a back button (H5 only: WeChat's own bar has one). */
  back?: boolean;
}

/** The page's title row with the language switch that every page carries. */
export function TopBar({ title, back = true }: TopBarProps) {
  const { t } = useI18n();
  const showBack = back && process.env.TARO_ENV === 'h5';
  return (
    <View className='top-bar'>
      {showBack ? (
        <Pressable className='top-bar__back' label={t('nav.back')} onPress={go.back}>
          ‹
        </Pressable>
      ) : (
        <View className='top-bar__spacer' />
      )}
      <View className='top-bar__title' ariaRole='heading' aria-level='1'>
        {title}
      </View>
      <LangSwitch className='top-bar__lang' />
    </View>
  );
}
