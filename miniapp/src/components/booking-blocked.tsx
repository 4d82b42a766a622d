// What stops this person booking now, said before any 预约 is tapped: the server's profile answers
// it by the booking's own rule (GET /v1/me `blocked`); a pending verification is said as pending,
// not as "go and verify" again. Home and the provider page show the same words.
import { Text, View } from '@tarojs/components';
import type { Booking, MeResponse } from '@contract';
import { useI18n } from '../i18n';
import { go, routes } from '../routes';
import type { SpentLimit } from '../services/limits';
import { Pressable } from './pressable';

type Me = MeResponse['user'];

export interface Blocked {
  text: string;
  go?: { to: string; label: string };
}

/** The block in force, or null: a live booking first (its voucher), then the profile's, then a limit a refusal reported earlier. */
export function useBookingBlock(me: Me | undefined, live: Booking | undefined, spent: SpentLimit | null): Blocked | null {
  const { t } = useI18n();
  if (live) {
    return {
      text: t('provider.liveBooking', { p: live.providerName, d: live.date, s: live.window.start, e: live.window.end }),
      go: { to: routes.voucher(live.id), label: t('provider.showVoucher') },
    };
  }
  const toBookings = { to: routes.bookings(), label: t('provider.toBookings') };
  const block = me?.blocked;
  if (!block) return spent ? { text: t(spent === 'day' ? 'provider.daySpent' : 'provider.monthSpent'), go: toBookings } : null;
  switch (block.code) {
    case 'SUSPENDED':
      return { text: t('error.SUSPENDED_UNTIL', { d: String(block.details?.suspendedUntil ?? me.suspendedUntil ?? '') }) };
    case 'DAILY_LIMIT_REACHED':
      return { text: t(block.details?.limit === 'month' ? 'provider.monthSpent' : 'provider.daySpent'), go: toBookings };
    case 'VERIFICATION_REQUIRED':
      return me.verification?.status === 'PENDING'
        ? { text: t('provider.verifyPending'), go: { to: routes.verify(), label: t('provider.verifyStatus') } }
        : { text: t('error.VERIFICATION_REQUIRED'), go: { to: routes.verify(), label: t('provider.toVerify') } };
    case 'ACTIVE_BOOKING_EXISTS':
      return { text: t('error.ACTIVE_BOOKING_EXISTS'), go: toBookings };
  }
}

export function BookingBlocked({ blocked, className }: { blocked: Blocked; className?: string }) {
  return (
    <View className={`notice notice--info booking-blocked ${className ?? ''}`} ariaRole='status'>
      <Text>{blocked.text}</Text>
      {blocked.go && (
        <View className='notice__actions'>
          <Pressable className='btn btn--ghost booking-blocked__go' role='link' onPress={() => go.to(blocked.go!.to)}>
            {blocked.go.label}
          </Pressable>
        </View>
      )}
    </View>
  );
}
