import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { QrCode } from '../../components/qr-code';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { staffPoster } from '../../services/api';
import { StaffFooter, StaffNav, useStaffError, useStaffGuard } from '../shared';
import './index.css';

type State = { status: 'loading' } | { status: 'error'; text: string } | { status: 'ready'; poster: string; qrSvg: string };

export default function StaffPosterPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const describe = useStaffError();
  const [state, setState] = useState<State>({ status: 'loading' });
  useTitle('staff.poster.title');

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const answer = await staffPoster();
    setState(answer.ok ? { status: 'ready', ...answer.data } : { status: 'error', text: describe(answer) });
  }, [describe]);
  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-poster'>
      <TopBar title={t('staff.poster.title')} back={false} />
      <StaffNav current='poster' />
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && <StatusView kind='error' title={t('home.error')} detail={state.text} onRetry={() => void load()} />}
      {state.status === 'ready' && (
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
      <StaffFooter />
    </View>
  );
}
