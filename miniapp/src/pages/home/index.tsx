import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BookingBlocked, useBookingBlock } from '../../components/booking-blocked';
import { Intro } from '../../components/intro';
import { LangSwitch } from '../../components/lang-switch';
import { DistrictChips } from '../../components/district-chips';
import { ImpactSummary } from '../../components/impact-summary';
import { NavLink } from '../../components/nav-link';
import { Notice } from '../../components/notice';
import { ProviderCard } from '../../components/provider-card';
import { Pressable } from '../../components/pressable';
import { Resource } from '../../components/resource';
import type { GeoPoint, PublicProvider } from '@contract';
import { useLocalName } from '../../components/zh';
import { useResource } from '../../hooks/use-resource';
import { useI18n, useTitle } from '../../i18n';
import { peekMe, publicStats } from '../../services/api';
import { staffSignedIn } from '../../services/staff-session';
import { currentPosition, distanceKm } from '../../services/location';
import { go, routes } from '../../routes';
import { readString, StorageKey, writeString } from '../../services/storage';
import { shanghaiToday } from '../../services/time';
import { cachedBookings } from '../../services/vouchers';
import { useHome } from './use-home';
import './index.css';

export default function HomePage() {
  const { t } = useI18n();
  const { districts, district, select, providers, retry } = useHome();
  useTitle('app.title');
  const [introOpen, setIntroOpen] = useState(() => !readString(StorageKey.introSeen));
  const closeIntro = () => {
    writeString(StorageKey.introSeen, '1');
    setIntroOpen(false);
  };
  // Today's live voucher, from the device (no network needed): one tap back to it.
  const liveVoucher = () => cachedBookings().find((b) => b.status === 'BOOKED' && b.date === shanghaiToday());
  const [live, setLive] = useState(liveVoucher);
  useDidShow(() => setLive(liveVoucher()));
  // What would refuse a booking now (a limit, a pending verification), said before any 预约 tap;
  // only for someone who has a session (a first visit asks nothing of the server).
  const me = useResource(() => (readString(StorageKey.token) ? peekMe() : Promise.resolve({ ok: true as const, data: null })), [], { onShow: true, pullDown: false });
  const blocked = useBookingBlock(me.data?.user, undefined, null);

  const localName = useLocalName();
  const districtName = (id: string) => {
    const d = districts.find((x) => x.id === id);
    return d ? localName(d) : undefined;
  };

  // Nearest first, when the person shares where they are; the list works the same without it.
  const [here, setHere] = useState<GeoPoint | null>(null);
  const [locating, setLocating] = useState<'idle' | 'asking' | 'denied'>('idle');
  const toggleNearest = async () => {
    if (here) {
      setHere(null);
      return;
    }
    setLocating('asking');
    const position = await currentPosition();
    setHere(position);
    setLocating(position ? 'idle' : 'denied');
  };
  const ordered = (list: PublicProvider[]) => {
    if (!here) return list.map((p) => ({ p, km: undefined }));
    return list
      .map((p) => ({ p, km: p.location ? distanceKm(here, p.location) : undefined }))
      .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
  };
  // The programme's figures: a nice-to-have above the list, so a failure stays quiet.
  const impact = useResource(() => publicStats(), [], { onShow: true });

  return (
    <View className='home' ariaRole='main'>
      <View className='row home__header'>
        <View className='home__titles'>
          <View className='home__title' ariaRole='heading' aria-level='1'>
            {t('app.title')}
          </View>
          <Text className='home__tagline'>{t('app.tagline')}</Text>
        </View>
        <LangSwitch className='home__lang' />
      </View>

      <View className='row links home__links'>
        <NavLink to='bookings' className='home__bookings' />
        <Pressable className='link home__walkin' role='link' onPress={() => go.to(routes.walkIn())}>
          {t('home.walkIn')}
        </Pressable>
        <Pressable className='link home__staff' role='link' onPress={() => go.to(staffSignedIn() ? routes.staffScan() : routes.staffSignIn())}>
          {t('home.staffEntry')}
        </Pressable>
      </View>

      {live && (
        <Pressable className='notice notice--ok home__live' role='link' onPress={() => go.to(routes.voucher(live.id))}>
          {t('home.liveVoucher', { p: live.providerName, s: live.window.start, e: live.window.end })}
        </Pressable>
      )}

      {!live && blocked && <BookingBlocked blocked={blocked} className='home__blocked' />}

      {impact.data && <ImpactSummary stats={impact.data} onOpenBoard={() => go.to(routes.board())} />}

      <DistrictChips districts={districts} selected={district} onSelect={select} />
      <View className='home__tools'>
        <Pressable className={here ? 'chip chip--active home__nearest' : 'chip home__nearest'} role='checkbox' checked={Boolean(here)} onPress={() => void toggleNearest()}>
          {locating === 'asking' ? t('home.locating') : t('home.nearest')}
        </Pressable>
      </View>
      {locating === 'denied' && <Notice kind='info' text={t('home.noLocation')} className='home__no-location' />}

      <View className='home__list'>
        <Resource
          state={providers.state}
          onRetry={retry}
          isEmpty={(list) => list.length === 0}
          emptyTitle={district ? t('home.emptyDistrict') : t('home.empty')}
          emptyAction={
            district ? (
              <Pressable className='btn btn--ghost btn--wide home__see-all' onPress={() => select('')}>
                {t('home.seeAll')}
              </Pressable>
            ) : undefined
          }
        >
          {(list) =>
            ordered(list).map(({ p, km }) => (
              <ProviderCard
                key={p.id}
                provider={p}
                districtName={districtName(p.district)}
                distanceKm={km}
                onOpen={(id) => go.to(routes.provider(id))}
              />
            ))
          }
        </Resource>
      </View>
      {introOpen && <Intro onClose={closeIntro} />}
    </View>
  );
}
