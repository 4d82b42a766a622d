import { Image, Text, View } from '@tarojs/components';
import { QrCode } from '../../components/qr-code';
import { Resource } from '../../components/resource';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { staffPoster } from '../../services/api';
import { StaffFooter, StaffNav, useStaffGuard, useStaffResource } from '../shared';
import './index.css';

export default function StaffPosterPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const poster = useStaffResource(() => staffPoster(), []);
  useTitle('staff.poster.title');

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-poster'>
      <TopBar title={t('staff.poster.title')} back={false} />
      <StaffNav current='poster' />
      <Resource state={poster.state} onRetry={() => void poster.reload()} errorContext='staff'>
        {(state) => (
        <View className='card poster'>
          <Text className='poster__brand'>M餐 · {t('walkin.title')}</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            // Whether WeChat's <image> shows an SVG data URL is unverified: draw the same text on a canvas.
            <QrCode text={state.poster} size={260} label={t('staff.poster.title')} />
          ) : (
            <Image
              className='poster__qr'
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.qrSvg)}`}
              mode='scaleToFill'
              ariaLabel={t('staff.poster.title')}
            />
          )}
          <Text className='poster__hint'>{t('staff.poster.hint')}</Text>
        </View>
        )}
      </Resource>
      <StaffFooter />
    </View>
  );
}
