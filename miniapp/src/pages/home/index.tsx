import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Intro } from '../../components/intro';
import { LangSwitch } from '../../components/lang-switch';
import { DistrictChips } from '../../components/district-chips';
import { ProviderCard } from '../../components/provider-card';
import { Pressable } from '../../components/pressable';
import { Resource } from '../../components/resource';
import { useI18n, useTitle } from '../../i18n';
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

  const districtName = (id: string) => districts.find((d) => d.id === id)?.name;

  return (
    <View className='home'>
      <View className='home__header'>
        <View className='home__titles'>
          <Text className='home__title'>{t('app.title')}</Text>
          <Text className='home__tagline'>{t('app.tagline')}</Text>
        </View>
        <LangSwitch className='home__lang' />
      </View>

      <View className='links home__links'>
        <Pressable className='link home__bookings' role='link' onPress={() => go.to(routes.bookings())}>
          {t('home.myBookings')}
        </Pressable>
        <Pressable className='link home__walkin' role='link' onPress={() => go.to(routes.walkIn())}>
          {t('home.walkIn')}
        </Pressable>
        <Pressable className='link home__staff' role='link' onPress={() => go.to(routes.staffSignIn())}>
          {t('home.staffEntry')}
        </Pressable>
      </View>

      {live && (
        <Pressable className='notice notice--ok home__live' role='link' onPress={() => go.to(routes.voucher(live.id))}>
          {t('home.liveVoucher', { p: live.providerName, s: live.window.start, e: live.window.end })}
        </Pressable>
      )}

      <DistrictChips districts={districts} selected={district} onSelect={select} />

      <View className='home__list'>
        <Resource state={providers.state} onRetry={retry} isEmpty={(list) => list.length === 0} emptyTitle={t('home.empty')}>
          {(list) =>
            list.map((p) => (
              <ProviderCard key={p.id} provider={p} districtName={districtName(p.district)} onOpen={(id) => go.to(routes.provider(id))} />
            ))
          }
        </Resource>
      </View>
      {introOpen && <Intro onClose={closeIntro} />}
    </View>
  );
}
