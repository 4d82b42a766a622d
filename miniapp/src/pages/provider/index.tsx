import Taro, { useDidShow, useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';
import type { PublicOffering, PublicProvider } from '@contract';
// Shares .tag and .meals-left with the home page's cards (imported first, in the home page's order).
import '../../components/provider-card.css';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { createBooking, getProvider, newIdempotencyKey, type Failure } from '../../services/api';
import { hmToMinutes, shanghaiMinutes, shanghaiToday } from '../../services/time';
import { cacheBooking } from '../../services/vouchers';
import './index.css';

type State = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'ready'; provider: PublicProvider };

/** What a failed booking says, and where it points next. */
interface BookingError {
  code: Failure['code'];
  text: string;
}

export default function ProviderPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [bookingError, setBookingError] = useState<BookingError | null>(null);
  // One key per booking attempt: a retry after a lost answer reuses it, so it never books twice.
  const attempt = useRef<{ target: string; key: string } | null>(null);
  useTitle('provider.title');

  const load = useCallback(
    async (keepShown = false) => {
      if (!keepShown) setState({ status: 'loading' });
      const answer = await getProvider(id);
      setState(answer.ok ? { status: 'ready', provider: answer.data.provider } : { status: 'error', failure: answer });
    },
    [id],
  );

  // Also when coming back (e.g. from a cancelled voucher): meals left must be current.
  const shown = useRef(false);
  useDidShow(() => {
    void load(shown.current);
    shown.current = true;
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const book = async (offering: PublicOffering, windowId: string) => {
    if (busy) return;
    const target = `${offering.id}/${windowId}`;
    if (attempt.current?.target !== target) attempt.current = { target, key: newIdempotencyKey() };
    setBusy(target);
    setBookingError(null);
    const answer = await createBooking({ offeringId: offering.id, windowId }, attempt.current.key);
    if (answer.ok || answer.code !== 'NETWORK_ERROR') attempt.current = null;
    if (answer.ok) {
      setBusy(null);
      cacheBooking(answer.data.booking);
      void Taro.navigateTo({ url: `/pages/voucher/index?id=${answer.data.booking.id}` });
      void load(true);
      return;
    }
    const text = errorText(t, answer);
    setBusy(null);
    setBookingError({ code: answer.code, text });
    if (answer.code === 'QUOTA_EXHAUSTED') void load(true);
  };

  const errorActions = (code: Failure['code']) => {
    if (code === 'QUOTA_EXHAUSTED' || code === 'PROVIDER_UNAVAILABLE' || code === 'NOT_FOUND')
      return (
        <View className='btn btn--ghost' ariaRole='button' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          {t('provider.otherProviders')}
        </View>
      );
    if (code === 'VERIFICATION_REQUIRED')
      return (
        <View className='btn to-verify' ariaRole='button' onClick={() => void Taro.navigateTo({ url: '/pages/verify/index' })}>
          {t('provider.toVerify')}
        </View>
      );
    if (code === 'ACTIVE_BOOKING_EXISTS' || code === 'DAILY_LIMIT_REACHED')
      return (
        <View className='btn btn--ghost' ariaRole='button' onClick={() => void Taro.navigateTo({ url: '/pages/bookings/index' })}>
          {t('provider.toBookings')}
        </View>
      );
    return null;
  };

  const provider = state.status === 'ready' ? state.provider : undefined;
  const isToday = provider ? provider.date === shanghaiToday() : false;
  const nowMinutes = shanghaiMinutes();

  return (
    <View className='page provider-page'>
      <TopBar title={provider?.name ?? t('provider.title')} />
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && (
        <StatusView
          kind='error'
          title={t('home.error')}
          detail={state.failure.code === 'NOT_FOUND' ? t('provider.notFound') : errorText(t, state.failure)}
          onRetry={() => void load()}
        />
      )}
      {provider && (
        <View>
          <View className='card'>
            <Text className='provider-page__name'>{provider.name}</Text>
            <Text className={`tag tag--${provider.kind}`}>{t(`kind.${provider.kind}`)}</Text>
            <Text className='provider-page__address'>{provider.address}</Text>
          </View>

          {bookingError && (
            <View className='notice notice--error booking-error' ariaRole='alert' data-code={bookingError.code}>
              <Text>{bookingError.text}</Text>
              <View className='notice__actions'>{errorActions(bookingError.code)}</View>
            </View>
          )}

          {provider.offerings.length === 0 && <StatusView kind='empty' title={t('offering.none')} />}
          {provider.offerings.map((o) => {
            const soldOut = o.remaining === 0;
            return (
              <View key={o.id} className='card offering-card' data-offering={o.id}>
                <View className='offering-card__head'>
                  <Text className='offering-card__name'>
                    {o.kind === 'blind_box' ? `${t('offering.blind_box')} · ` : ''}
                    {o.name}
                  </Text>
                  <Text className={soldOut ? 'meals-left meals-left--none' : 'meals-left'}>
                    {soldOut ? t('offering.soldOut') : t('offering.left', { n: o.remaining })}
                  </Text>
                </View>
                {o.standard && <Text className='offering-card__standard'>{t('provider.standard', { s: o.standard })}</Text>}
                <View className='offering-card__windows'>
                  {o.windows.map((w) => {
                    const range = `${w.start}–${w.end}`;
                    const over = isToday && hmToMinutes(w.end) <= nowMinutes;
                    const disabled = soldOut || over;
                    const loading = busy === `${o.id}/${w.id}`;
                    return (
                      <View
                        key={w.id}
                        className={disabled ? 'btn btn--disabled book-window' : 'btn book-window'}
                        ariaRole='button'
                        ariaLabel={t('provider.bookLabel', { o: o.name, w: range })}
                        aria-disabled={disabled}
                        data-window={w.id}
                        onClick={() => !disabled && void book(o, w.id)}
                      >
                        {loading ? t('provider.booking') : over ? `${range} ${t('provider.windowOver')}` : t('provider.book', { w: range })}
                      </View>
                    );
                  })}
                </View>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
