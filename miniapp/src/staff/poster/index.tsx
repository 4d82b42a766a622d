import { Image, Text, View } from '@tarojs/components';
import { Pressable } from '../../components/pressable';
import { QrCode } from '../../components/qr-code';
import { useI18n } from '../../i18n';
import { staffPoster } from '../../services/api';
import { StaffPage, StaffResource } from '../frame';
import { useStaffResource } from '../shared';
import './index.css';

/**
 * What the printed QR holds. H5: the walk-in page's full URL (this app's own origin), so a phone
 * camera or WeChat's scanner opens the walk-in flow with the code filled in. Mini-program: the
 * code itself, which the walk-in page's scanner reads — used only where the server has no
 * mini-program code (`wxacode`, WeChat's own, which opens `walkInPath` in the mini-program).
 */
function posterQrText(poster: string, walkInPath: string): string {
  if (process.env.TARO_ENV !== 'h5') return poster;
  return `${window.location.origin}${window.location.pathname}#${walkInPath}`;
}

export default function StaffPosterPage() {
  const { t } = useI18n();
  const poster = useStaffResource(() => staffPoster(), []);

  return (
    <StaffPage name='poster'>
      <StaffResource of={poster}>
        {(state) => (
          <View>
            {/* The printable sheet: A4 or A5 portrait, the restaurant's name, the QR, one line of instruction. */}
            <View className='card poster'>
              <Text className='poster__brand'>M餐 · {t('walkin.title')}</Text>
              <View className='poster__name' ariaRole='heading' aria-level='2'>
                {state.providerName}
              </View>
              <View className='poster__qr'>
                {process.env.TARO_ENV !== 'h5' && state.wxacode ? (
                  <Image className='poster__wxacode' src={state.wxacode} mode='aspectFit' ariaLabel={t('staff.poster.qrLabel')} />
                ) : (
                  <QrCode text={posterQrText(state.poster, state.walkInPath)} size={260} label={t('staff.poster.qrLabel')} />
                )}
              </View>
              <Text className='poster__instruction'>{t('staff.poster.instruction')}</Text>
            </View>
            <Text className='poster__hint'>{t('staff.poster.hint')}</Text>
            {process.env.TARO_ENV === 'h5' && (
              <Pressable className='btn btn--wide poster__print' onPress={() => window.print()}>
                {t('staff.poster.print')}
              </Pressable>
            )}
          </View>
        )}
      </StaffResource>
    </StaffPage>
  );
}
