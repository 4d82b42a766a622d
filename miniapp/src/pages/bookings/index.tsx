import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { Booking, MeResponse } from '@contract';
import { CancelBookingDialog } from '../../components/confirm-dialog';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { cancelBooking, getMe, listBookings, type Failure } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';
import '../voucher/index.css';
import './index.css';

type State = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'ready'; bookings: Booking[] };

export default function BookingsPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [me, setMe] = useState<MeResponse['user'] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useTitle('bookings.title');

  const load = useCallback(async (keepShown = false) => {
    if (!keepShown) setState({ status: 'loading' });
    const [answer, who] = await Promise.all([listBookings(), getMe()]);
    if (who.ok) setMe(who.data.user);
    setState(answer.ok ? { status: 'ready', bookings: answer.data.bookings } : { status: 'error', failure: answer });
  }, []);

  // Also on coming back from a voucher (it may have been cancelled there).
  useDidShow(() => void load(state.status === 'ready'));
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const cancel = async (id: string) => {
    setConfirming(null);
    setNotice(null);
    const answer = await cancelBooking(id);
    if (answer.ok) cacheBooking(answer.data.booking);
    else setNotice(errorText(t, answer));
    void load(true);
  };

  return (
    <View className='page bookings'>
      <TopBar title={t('bookings.title')} />
      {me && (
        <View className='notice notice--info bookings__me'>
          {me.verified && me.verifiedUntil
            ? t('bookings.verifiedUntil', { d: me.verifiedUntil })
            : me.verification?.status === 'PENDING'
              ? t('bookings.verifyPending')
              : t('bookings.freeLeft', { n: me.freeClaimsLeft })}
        </View>
      )}
      {notice && (
        <View className='notice notice--error' ariaRole='alert'>
          {notice}
        </View>
      )}
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && (
        <StatusView kind='error' title={t('home.error')} detail={errorText(t, state.failure)} onRetry={() => void load()} />
      )}
      {state.status === 'ready' && state.bookings.length === 0 && (
        <View>
          <StatusView kind='empty' title={t('bookings.empty')} />
          <View className='btn btn--wide' ariaRole='button' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
            {t('bookings.toHome')}
          </View>
        </View>
      )}
      {state.status === 'ready' &&
        state.bookings.map((b) => (
          <View key={b.id} className='card booking-row' data-booking={b.id} data-status={b.status}>
            <View className='booking-row__head'>
              <Text className='booking-row__name'>{b.providerName}</Text>
              <Text className={`voucher-status voucher-status--${b.status}`}>{t(`voucher.status.${b.status}`)}</Text>
            </View>
            <Text className='booking-row__detail'>
              {b.offeringName} · {b.date} {b.window.start}–{b.window.end}
            </Text>
            {b.status === 'BOOKED' && (
              <View className='booking-row__actions'>
                <View
                  className='btn booking-row__show'
                  ariaRole='button'
                  onClick={() => void Taro.navigateTo({ url: `/pages/voucher/index?id=${b.id}` })}
                >
                  {t('bookings.show')}
                </View>
                <View className='btn btn--ghost booking-row__cancel' ariaRole='button' onClick={() => setConfirming(b.id)}>
                  {t('voucher.cancel')}
                </View>
              </View>
            )}
          </View>
        ))}
      {confirming && (
        <CancelBookingDialog onCancel={() => setConfirming(null)} onConfirm={() => void cancel(confirming)} />
      )}
    </View>
  );
}
