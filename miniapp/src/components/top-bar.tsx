import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useI18n } from '../i18n';
import { LangSwitch } from './lang-switch';
import './top-bar.css';

export interface TopBarProps {
  title: string;
  /** Shows a back button (H5 only: WeChat's own bar has one). */
  back?: boolean;
}

function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: '/pages/home/index' });
}

/** The page's title row with the language switch that every page carries. */
export function TopBar({ title, back = true }: TopBarProps) {
  const { t } = useI18n();
  const showBack = back && process.env.TARO_ENV === 'h5';
  return (
    <View className='top-bar'>
      {showBack ? (
        <View className='top-bar__back' ariaRole='button' ariaLabel={t('nav.back')} onClick={goBack}>
          ‹
        </View>
      ) : (
        <View className='top-bar__spacer' />
      )}
      <Text className='top-bar__title'>{title}</Text>
      <LangSwitch className='top-bar__lang' />
    </View>
  );
}
