import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Period, PublishedLeaderboard } from '@contract';
import { BarChart } from '../../components/bar-chart';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { useI18n, useTitle } from '../../i18n';
import { go, routes } from '../../routes';
import { latestLeaderboard, listDistricts } from '../../services/api';
import { periodLabel } from '../../i18n/periods';
import { shanghaiDate } from '../../services/time';
import './index.css';

const PERIODS: Period[] = ['month', 'quarter', 'year'];

/** 爱心榜: the latest published leaderboard of each period, with badges, likes and certificates. */
export default function BoardPage() {
  const { t, lang } = useI18n();
  useTitle('board.title');
  const [period, setPeriod] = useState<Period>('month');
  const board = useResource(() => latestLeaderboard(period), [period]);
  const districts = useResource(() => listDistricts(), []);
  const districtName = (id: string) => {
    const d = districts.data?.find((x) => x.id === id);
    return d ? (lang === 'en' && d.nameEn ? d.nameEn : d.name) : id;
  };

  // Often opened from a shared link or a certificate's QR: the top bar leads back into the app.
  return (
    <View className='page board' ariaRole='main'>
      <TopBar title={t('board.title')} />
      <View className='board__tabs' ariaRole='tablist'>
        {PERIODS.map((p) => (
          <Pressable key={p} className={p === period ? 'chip chip--active' : 'chip'} role='tab' current={p === period} data={{ period: p }} onPress={() => setPeriod(p)}>
            {t(`board.${p}`)}
          </Pressable>
        ))}
      </View>
      <Resource
        state={board.state}
        onRetry={() => void board.reload()}
        errorDetail={(f) => (f.code === 'NOT_FOUND' ? t('board.none') : undefined)}
      >
        {(b) => <Board board={b} districtName={districtName} />}
      </Resource>
    </View>
  );
}

function Board({ board, districtName }: { board: PublishedLeaderboard; districtName: (id: string) => string }) {
  const { t } = useI18n();
  const label = periodLabel(t, board.period, board.key);
  return (
    <View className='board__body'>
      <Text className='board__meta'>{t('board.meta', { p: label, v: board.version, d: shanghaiDate(board.publishedAt) })}</Text>
      {board.entries.length > 0 && (
        <View className='card board__chart'>
          <BarChart title={t('board.top')} bars={board.entries.slice(0, 10).map((e) => ({ key: e.providerId, label: e.name, value: e.meals }))} />
        </View>
      )}
      <View className='board__list' ariaRole='list'>
        {board.entries.map((e) => (
          <View key={e.providerId} className='card board__entry' ariaRole='listitem' data-provider={e.providerId}>
            <Text className='board__rank'>{e.rank}</Text>
            <View className='board__who'>
              <Text className='board__name'>{e.name}</Text>
              <Text className='board__district'>{districtName(e.district)}</Text>
              {e.badge && <Text className={`badge badge--${e.badge}`}>{t(`badge.${e.badge}`)}</Text>}
            </View>
            <View className='board__numbers'>
              <Text className='board__meals'>{t('board.meals', { n: e.meals })}</Text>
              <Text className='board__likes'>{t('board.likes', { n: e.likes })}</Text>
              {e.badge && (
                <Pressable
                  className='link board__certificate'
                  role='link'
                  onPress={() => go.to(routes.certificate({ period: board.period, key: board.key, version: board.version, provider: e.providerId }))}
                >
                  {t('board.certificate')}
                </Pressable>
              )}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
