import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Intro } from '../../components/intro';
import { LangSwitch } from '../../components/lang-switch';
import { DistrictChips } from '../../components/district-chips';
import { ProviderCard } from '../../components/provider-card';
import { StatusView } from '../../components/status-view';
import { isMessageKey, useI18n, useTitle } from '../../i18n';
import { readString, StorageKey, writeString } from '../../services/storage';
import { shanghaiToday } from '../../services/time';
import { cachedBookings } from '../../services/vouchers';
import type { Failure } from '../../services/api';
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
  const go = (url: string) => void Taro.navigateTo({ url });
  // Today's live voucher, from the device (no network needed): one tap back to it.
  const liveVoucher = () => cachedBookings().find((b) => b.status === 'BOOKED' && b.date === shanghaiToday());
  const [live, setLive] = useState(liveVoucher);
  useDidShow(() => setLive(liveVoucher()));

  const errorDetail = (failure: Failure) => {
    const key = `error.${failure.code}`;
    return isMessageKey(key) ? t(key) : failure.message || t('error.generic');
  };
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
        <View className='link home__bookings' ariaRole='link' onClick={() => go('/pages/bookings/index')}>
          {t('home.myBookings')}
        </View>
        <View className='link home__walkin' ariaRole='link' onClick={() => go('/pages/walkin/index')}>
          {t('home.walkIn')}
        </View>
        <View className='link home__staff' ariaRole='link' onClick={() => go('/staff/signin/index')}>
          {t('home.staffEntry')}
        </View>
      </View>

      {live && (
        <View
          className='notice notice--ok home__live'
          ariaRole='link'
          ariaLabel={t('home.liveVoucher', { p: live.providerName, s: live.window.start, e: live.window.end })}
          onClick={() => go(`/pages/voucher/index?id=${live.id}`)}
        >
          {t('home.liveVoucher', { p: live.providerName, s: live.window.start, e: live.window.end })}
        </View>
      )}

      <DistrictChips districts={districts} selected={district} onSelect={select} />

      <View className='home__list'>
        {providers.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
        {providers.status === 'error' && (
          <StatusView kind='error' title={t('home.error')} detail={errorDetail(providers.failure)} onRetry={retry} />
        )}
        {providers.status === 'ready' && providers.providers.length === 0 && <StatusView kind='empty' title={t('home.empty')} />}
        {providers.status === 'ready' &&
          providers.providers.map((p) => (
            <ProviderCard
              key={p.id}
              provider={p}
              districtName={districtName(p.district)}
              onOpen={(id) => go(`/pages/provider/index?id=${encodeURIComponent(id)}`)}
            />
          ))}
      </View>
      {introOpen && <Intro onClose={closeIntro} />}
    </View>
  );
}
