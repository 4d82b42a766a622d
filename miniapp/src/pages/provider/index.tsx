import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PublicOffering } from '@contract';
// Shares .tag and .meals-left with the home page's cards (imported first, in the home page's order).
import '../../components/provider-card.css';
import { BookingBlocked, useBookingBlock } from '../../components/booking-blocked';
import { Place } from '../../components/place';
import { Pressable } from '../../components/pressable';
import { useLocalName, Zh } from '../../components/zh';
import { Resource } from '../../components/resource';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { createBooking, getProvider, peekBookings, peekMe, type Failure } from '../../services/api';
import { readSpentLimit, rememberSpentLimit } from '../../services/limits';
import { hmToMinutes, shanghaiMinutes, shanghaiToday } from '../../services/time';
import { cacheBooking } from '../../services/vouchers';
import './index.css';

/** What a failed booking says, and where it points next. */
interface BookingError {
  code: Failure['code'];
  text: string;
}

export default function ProviderPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [bookingError, setBookingError] = useState<BookingError | null>(null);
  const localName = useLocalName();
  useTitle('provider.title');

  // Also when coming back (e.g. from a cancelled voucher): meals left must be current.
  const provider = useResource(async () => {
    const answer = await getProvider(id);
    return answer.ok ? { ok: true as const, data: answer.data.provider } : answer;
  }, [id], { onShow: true });

  // What stops this person booking now, known before they tap: a live booking, a pause, or a
  // day/month limit the server reported (DAILY_LIMIT_REACHED's details) earlier today or this month.
  const mine = useResource(() => peekBookings(), [], { onShow: true, pullDown: false });
  const me = useResource(() => peekMe(), [], { onShow: true, pullDown: false });
  const [spent, setSpent] = useState(readSpentLimit);
  useDidShow(() => {
    setSpent(readSpentLimit());
    // Back from the verification form or My bookings: the old refusal no longer stands.
    setBookingError(null);
  });
  const live = mine.data?.bookings.find((b) => b.status === 'BOOKED');
  const blocked = useBookingBlock(me.data?.user, live, spent);

  const booking = useIdempotentAction(
    (key, offeringId: string, windowId: string) => createBooking({ offeringId, windowId }, key),
    (offeringId, windowId) => `${offeringId}/${windowId}`,
  );

  const book = async (offering: PublicOffering, windowId: string) => {
    setBookingError(null);
    const answer = await booking.run(offering.id, windowId);
    if (!answer) return;
    if (answer.ok) {
      cacheBooking(answer.data.booking);
      go.to(routes.voucher(answer.data.booking.id));
      void provider.reload(true);
      return;
    }
    setBookingError({ code: answer.code, text: errorText(t, answer) });
    if (answer.code === 'QUOTA_EXHAUSTED') void provider.reload(true);
    if (answer.code === 'DAILY_LIMIT_REACHED') {
      rememberSpentLimit(answer.details);
      setSpent(readSpentLimit());
    }
    if (answer.code === 'ACTIVE_BOOKING_EXISTS') void mine.reload(true);
  };

  const errorActions = (code: Failure['code']) => {
    if (code === 'QUOTA_EXHAUSTED' || code === 'PROVIDER_UNAVAILABLE' || code === 'NOT_FOUND')
      return (
        <Pressable className='btn btn--ghost' role='link' onPress={() => go.restart(routes.home())}>
          {t('provider.otherProviders')}
        </Pressable>
      );
    if (code === 'VERIFICATION_REQUIRED')
      return (
        <Pressable className='btn to-verify' role='link' onPress={() => go.to(routes.verify())}>
          {t('provider.toVerify')}
        </Pressable>
      );
    if (code === 'ACTIVE_BOOKING_EXISTS' || code === 'DAILY_LIMIT_REACHED')
      return (
        <Pressable className='btn btn--ghost' role='link' onPress={() => go.to(routes.bookings())}>
          {t('provider.toBookings')}
        </Pressable>
      );
    return null;
  };

  const nowMinutes = shanghaiMinutes();

  return (
    <View className='page provider-page' ariaRole='main'>
      <TopBar title={provider.data ? localName(provider.data) : t('provider.title')} />
      <Resource
        state={provider.state}
        onRetry={() => void provider.reload()}
        errorDetail={(failure) => (failure.code === 'NOT_FOUND' ? t('provider.notFound') : undefined)}
      >
        {(p) => (
        <View>
          <View className='card'>
            <View className='provider-page__name' ariaRole='heading' aria-level='2'>
              {localName(p)}
            </View>
            <Text className={`tag tag--${p.kind}`}>{t(`kind.${p.kind}`)}</Text>
            <Place name={p.name} address={p.address} location={p.location} />
          </View>
          {blocked && !bookingError && <BookingBlocked blocked={blocked} />}
          {bookingError && (
            <View className='notice notice--error booking-error' ariaRole='alert' data-code={bookingError.code}>
              <Text>{bookingError.text}</Text>
              <View className='notice__actions'>{errorActions(bookingError.code)}</View>
            </View>
          )}

          {p.offerings.length === 0 && <StatusView kind='empty' title={t('offering.none')} />}
          {p.offerings.map((o) => {
            const soldOut = o.remaining === 0;
            return (
              <View key={o.id} className='card offering-card' data-offering={o.id}>
                <View className='row offering-card__head'>
                  <View className='offering-card__name' ariaRole='heading' aria-level='3'>
                    {o.kind === 'blind_box' ? `${t('offering.blind_box')} · ` : ''}
                    <Zh text={o.name} />
                  </View>
                  <Text className={soldOut ? 'meals-left meals-left--none' : 'meals-left'}>
                    {soldOut ? t('offering.soldOut') : t('offering.left', { n: o.remaining })}
                  </Text>
                </View>
                {o.standard && (
                  <View className='offering-card__standard'>
                    {t('provider.standardLabel')} <Zh text={o.standard} />
                  </View>
                )}
                <View className='offering-card__windows'>
                  {o.windows.map((w) => {
                    const range = `${w.start}–${w.end}`;
                    const over = p.date === shanghaiToday() && hmToMinutes(w.end) <= nowMinutes;
                    const disabled = soldOut || over || Boolean(blocked);
                    const loading = booking.busy === `${o.id}/${w.id}`;
                    const text = loading ? t('provider.booking') : over ? `${range} ${t('provider.windowOver')}` : t('provider.book', { w: range });
                    return (
                      <Pressable
                        key={w.id}
                        className={disabled ? 'btn btn--disabled book-window' : 'btn book-window'}
                        label={`${text} · ${o.name}`}
                        disabled={disabled}
                        data={{ window: w.id }}
                        onPress={() => void book(o, w.id)}
                      >
                        {text}
                      </Pressable>
                    );
                  })}
                </View>
              </View>
            );
          })}
        </View>
        )}
      </Resource>
    </View>
  );
}
