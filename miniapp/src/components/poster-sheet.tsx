// The printable walk-in poster: the restaurant's name, when to come, the QR and one line of
// instruction. The staff app's poster page and the desk's provider page print this same sheet.
import { Image, Text, View } from '@tarojs/components';
import type { PosterResponse } from '@contract';
import { useI18n } from '../i18n';
import { QrCode } from './qr-code';
import './poster-sheet.css';

/**
 * What the printed QR holds. H5: the walk-in page's full URL (this app's own origin), so a phone
 * camera or WeChat's scanner opens the walk-in flow with the code filled in. Mini-program: the
 * code itself, which the walk-in page's scanner reads — used only where the server has no
 * mini-program code (`wxacode`, WeChat's own, which opens `walkInPath` in the mini-program).
 */
export function posterQrText(poster: Pick<PosterResponse, 'poster' | 'walkInPath'>): string {
  if (process.env.TARO_ENV !== 'h5') return poster.poster;
  return `${window.location.origin}${window.location.pathname}#${poster.walkInPath}`;
}

export function PosterSheet({ poster }: { poster: PosterResponse }) {
  const { t } = useI18n();
  return (
    <View className='poster'>
      <Text className='poster__brand'>M餐 · {t('walkin.title')}</Text>
      <View className='poster__name' ariaRole='heading' aria-level='2'>
        {poster.providerName}
      </View>
      {poster.windows.length > 0 && (
        <Text className='poster__windows'>{t('staff.poster.windows', { windows: poster.windows.map((w) => `${w.start}–${w.end}`).join(' · ') })}</Text>
      )}
      <View className='poster__qr'>
        {process.env.TARO_ENV !== 'h5' && poster.wxacode ? (
          <Image className='poster__wxacode' src={poster.wxacode} mode='aspectFit' ariaLabel={t('staff.poster.qrLabel')} />
        ) : (
          <QrCode text={posterQrText(poster)} size={260} label={t('staff.poster.qrLabel')} />
        )}
      </View>
      <Text className='poster__instruction'>{t('staff.poster.instruction')}</Text>
    </View>
  );
}
