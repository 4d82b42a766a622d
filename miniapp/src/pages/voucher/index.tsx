import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Booking } from '@contract';
import { CancelBookingDialog } from '../../components/confirm-dialog';
import { NavLink } from '../../components/nav-link';
import { Notice } from '../../components/notice';
import { Place } from '../../components/place';
import { Pressable } from '../../components/pressable';
import { useLocalName, Zh } from '../../components/zh';
import { QrCode } from '../../components/qr-code';
import { Resource } from '../../components/resource';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle, type I18n } from '../../i18n';
import { bookingStatusText } from '../../i18n/booking-status';
import { errorText } from '../../i18n/errors';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { cancelBooking, getBooking, getProvider } from '../../services/api';
import { serverNow } from '../../services/clock';
import { shanghaiDateTime, windowPhase } from '../../services/time';
import { cacheBooking, cachedBooking } from '../../services/vouchers';
import { ThanksBox } from './thanks-box';
import './index.css';

const POLL_MS = 3000;

/** Settles what a Taro API call may return: a promise that rejects on failure, or nothing. */
function settle(result: unknown): void {
  if (result instanceof Promise) result.catch(() => undefined);
}

export function duration(t: I18n['t'], ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  return h > 0 ? t('time.hm', { h, m }) : t('time.m', { m, s: totalSeconds % 60 });
}

function Countdown({ booking }: { booking: Booking }) {
  const { t } = useI18n();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const phase = windowPhase(booking.date, booking.window.start, booking.window.end, now);
  const text =
    phase.phase === 'before'
      ? t('voucher.startsIn', { t: duration(t, phase.ms) })
      : phase.phase === 'open'
        ? t('voucher.endsIn', { t: duration(t, phase.ms) })
        : t('voucher.over');
  return <Text className={`voucher__countdown voucher__countdown--${phase.phase}`}>{text}</Text>;
}

export default function VoucherPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  const id = params.id ?? '';
  const [confirming, setConfirming] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [visible, setVisible] = useState(true);
  useTitle('voucher.title');

  // The copy kept on the device shows at once (and offline); the server's answer replaces it.
  const voucher = useResource(
    async () => {
      const answer = await getBooking(id);
      if (!answer.ok) return answer;
      cacheBooking(answer.data.booking);
      return { ok: true as const, data: answer.data.booking };
    },
    [id],
    { initial: cachedBooking(id), onShow: true },
  );
  const booking = voucher.data;
  // Where to go: the provider's address and map (public data, so it loads without the booking's rights).
  const providerId = booking?.providerId;
  const place = useResource(
    async () => {
      const answer = await getProvider(providerId ?? '');
      return answer.ok ? { ok: true as const, data: answer.data.provider } : answer;
    },
    [providerId],
    { enabled: Boolean(providerId), pullDown: false },
  ).data;
  const localName = useLocalName();

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Live status: while the voucher can still be used, ask every few seconds whether staff redeemed it.
  const status = booking?.status;
  const { reload } = voucher;
  useEffect(() => {
    if (!visible || (status && status !== 'BOOKED')) return;
    const timer = setInterval(() => void reload(true), POLL_MS);
    return () => clearInterval(timer);
  }, [visible, status, reload]);

  // WeChat: full brightness while a usable voucher is on screen (scanners read a bright screen
  // better), the user's own level back on leaving. H5 cannot set it: the page shows a hint instead.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !visible || status !== 'BOOKED') return;
    let previous: number | undefined;
    let left = false;
    // Callback style, whether or not this API comes promisified; the promise Taro also returns
    // rejects on failure, so it is settled here rather than left to surface as an unhandled rejection.
    settle(
      Taro.getScreenBrightness({
        success: ({ value }) => {
          if (left) return;
          previous = value;
          settle(Taro.setScreenBrightness({ value: 1 }));
        },
      }),
    );
    return () => {
      left = true;
      if (previous !== undefined) settle(Taro.setScreenBrightness({ value: previous }));
    };
  }, [visible, status]);

  const cancel = async () => {
    setConfirming(false);
    setCancelError(null);
    const answer = await cancelBooking(id);
    if (answer.ok) {
      voucher.set(answer.data.booking);
      cacheBooking(answer.data.booking);
      void Taro.showToast({ title: t('voucher.cancelled'), icon: 'none' }).catch(() => undefined);
    } else {
      setCancelError(errorText(t, answer));
      void voucher.reload(true);
    }
  };

  if (!booking) {
    return (
      <View className='page' ariaRole='main'>
        <TopBar title={t('voucher.title')} />
        <Resource state={voucher.state} onRetry={() => void voucher.reload()}>
          {() => null}
        </Resource>
      </View>
    );
  }

  const usable = booking.status === 'BOOKED';
  return (
    <View className='page voucher' ariaRole='main'>
      <TopBar title={t('voucher.title')} />
      {voucher.staleBecause?.code === 'NETWORK_ERROR' && <Notice kind='info' text={t('voucher.offline')} className='voucher__offline' />}
      <View className='card voucher__card'>
        <View className='voucher__provider' ariaRole='heading' aria-level='2'>
          {place ? localName(place) : booking.providerName}
        </View>
        {place && <Place name={place.name} address={place.address} location={place.location} />}
        <Zh className='voucher__offering' text={booking.offeringName} />
        <Text className={`voucher-status voucher-status--${booking.status}`} aria-live='polite'>
          {bookingStatusText(t, booking)}
        </Text>

        {usable && booking.voucher && (
          <View className='voucher__qr'>
            <QrCode text={booking.voucher} size={240} label={t('voucher.qrLabel')} />
          </View>
        )}
        {usable && booking.code && (
          <View className='voucher__code-box'>
            <Text className='muted'>{t('voucher.code')}</Text>
            <Text className='voucher__code' aria-label={booking.code.split('').join(' ')}>
              {`${booking.code.slice(0, 4)} ${booking.code.slice(4)}`}
            </Text>
            <Text className='muted'>{t('voucher.codeHint')}</Text>
          </View>
        )}

        <Text className='voucher__window'>
          {t('voucher.window', { d: booking.date, s: booking.window.start, e: booking.window.end })}
        </Text>
        {usable && <Countdown booking={booking} />}
        {booking.status === 'REDEEMED' && booking.redeemedAt && (
          <Text className='voucher__redeemed'>{t('voucher.redeemedAt', { t: shanghaiDateTime(booking.redeemedAt) })}</Text>
        )}
        {usable && <Text className='voucher__brightness'>☀ {t('voucher.brightness')}</Text>}
      </View>

      {booking.status === 'REDEEMED' && <ThanksBox booking={booking} />}

      <Notice text={cancelError} />
      {usable && (
        <Pressable className='btn btn--ghost btn--wide voucher__cancel' onPress={() => setConfirming(true)}>
          {t('voucher.cancel')}
        </Pressable>
      )}
      <View className='row links'>
        {booking.status === 'REDEEMED' && (
          <Pressable className='link voucher__report' role='link' onPress={() => go.to(routes.report(booking.providerId, booking.id))}>
            {t('report.link')}
          </Pressable>
        )}
        <NavLink to='bookings' />
        <NavLink to='home' className='voucher__home' />
      </View>

      {confirming && (
        <CancelBookingDialog booking={booking} onCancel={() => setConfirming(false)} onConfirm={() => void cancel()} />
      )}
    </View>
  );
}
