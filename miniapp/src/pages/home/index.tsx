import { Text, View } from '@tarojs/components';
import { DistrictChips } from '../../components/district-chips';
import { ProviderCard } from '../../components/provider-card';
import { StatusView } from '../../components/status-view';
import { isMessageKey, useI18n, useTitle } from '../../i18n';
import type { Failure } from '../../services/api';
import { useHome } from './use-home';
import './index.css';

export default function HomePage() {
  const { lang, t, setLang } = useI18n();
  const { districts, district, select, providers, retry } = useHome();
  useTitle('app.title');

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
        <View
          className='home__lang'
          ariaRole='button'
          ariaLabel={t('lang.switchLabel')}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('lang.switch')}
        </View>
      </View>

      <DistrictChips districts={districts} selected={district} onSelect={select} />

      <View className='home__list'>
        {providers.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
        {providers.status === 'error' && (
          <StatusView kind='error' title={t('home.error')} detail={errorDetail(providers.failure)} onRetry={retry} />
        )}
        {providers.status === 'ready' && providers.providers.length === 0 && <StatusView kind='empty' title={t('home.empty')} />}
        {providers.status === 'ready' &&
          providers.providers.map((p) => <ProviderCard key={p.id} provider={p} districtName={districtName(p.district)} />)}
      </View>
    </View>
  );
}
