import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Booking } from '@contract';
import { CancelBookingDialog } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { Place } from '../../components/place';
import { Pressable } from '../../components/pressable';
import { useLocalName, Zh } from '../../components/zh';
import { Resource } from '../../components/resource';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { bookingStatusText } from '../../i18n/booking-status';
import { errorText } from '../../i18n/errors';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { cancelBooking, getMe, listBookings, listProviders } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';
import '../voucher/index.css';
import './index.css';

export default function BookingsPage() {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<Booking | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useTitle('bookings.title');

  // Also on coming back from a voucher (it may have been cancelled there).
  const bookings = useResource(async () => {
    const answer = await listBookings();
    return answer.ok ? { ok: true as const, data: answer.data.bookings } : answer;
  }, [], { onShow: true });
  const me = useResource(async () => {
    const answer = await getMe();
    return answer.ok ? { ok: true as const, data: answer.data.user } : answer;
  }, [], { onShow: true }).data;
  // Addresses and map links for the live bookings (one public list read, not one per booking).
  const places = useResource(async () => {
    const answer = await listProviders();
    return answer.ok ? { ok: true as const, data: new Map(answer.data.providers.map((p) => [p.id, p])) } : answer;
  }, [], { pullDown: false }).data;
  const localName = useLocalName();

  const cancel = async (id: string) => {
    setConfirming(null);
    setNotice(null);
    const answer = await cancelBooking(id);
    if (answer.ok) cacheBooking(answer.data.booking);
    else setNotice(errorText(t, answer));
    void bookings.reload(true);
  };

  return (
    <View className='page bookings' ariaRole='main'>
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
      <Notice text={notice} />
      <Resource
        state={bookings.state}
        onRetry={() => void bookings.reload()}
        isEmpty={(list) => list.length === 0}
        emptyTitle={t('bookings.empty')}
        emptyAction={
          <Pressable className='btn btn--wide' role='link' onPress={() => go.restart(routes.home())}>
            {t('bookings.toHome')}
          </Pressable>
        }
      >
        {(list) =>
          list.map((b) => (
            <View key={b.id} className='card booking-row' data-booking={b.id} data-status={b.status}>
              <View className='row booking-row__head'>
                <Text className='booking-row__name'>{places?.get(b.providerId) ? localName(places.get(b.providerId)!) : b.providerName}</Text>
                <Text className={`voucher-status voucher-status--${b.status}`}>{bookingStatusText(t, b)}</Text>
              </View>
              <View className='booking-row__detail'>
                <Zh text={b.offeringName} /> · {b.date} {b.window.start}–{b.window.end}
              </View>
              {b.status === 'BOOKED' && places?.get(b.providerId) && (
                <Place name={b.providerName} address={places.get(b.providerId)!.address} location={places.get(b.providerId)!.location} />
              )}
              {b.status === 'BOOKED' && (
                <View className='booking-row__actions'>
                  <Pressable className='btn booking-row__show' role='link' onPress={() => go.to(routes.voucher(b.id))}>
                    {t('bookings.show')}
                  </Pressable>
                  <Pressable className='btn btn--ghost booking-row__cancel' onPress={() => setConfirming(b)}>
                    {t('voucher.cancel')}
                  </Pressable>
                </View>
              )}
            </View>
          ))
        }
      </Resource>
      {confirming && (
        <CancelBookingDialog booking={confirming} onCancel={() => setConfirming(null)} onConfirm={() => void cancel(confirming.id)} />
      )}
    </View>
  );
}
