import { Text, View } from '@tarojs/components';
import type { PublicStats } from '@contract';
import { useI18n } from '../i18n';
import { count, yuan } from '../services/money';
import { BarChart } from './bar-chart';
import { Pressable } from './pressable';
import './impact-summary.css';

export interface ImpactSummaryProps {
  stats: PublicStats;
  onOpenBoard: () => void;
}

/** The programme's figures on the home page: five numbers, people served by sub-district, and the way to 爱心榜. */
export function ImpactSummary({ stats, onOpenBoard }: ImpactSummaryProps) {
  const { t, lang } = useI18n();
  const figures: [string, string, string][] = [
    ['meals', t('impact.meals'), count(stats.totals.meals, lang)],
    ['personTimes', t('impact.personTimes'), count(stats.totals.personTimes, lang)],
    ['value', t('impact.value'), yuan(stats.totals.valueFen, lang)],
    ['providers', t('impact.providers'), String(stats.totals.providers)],
    ['districts', t('impact.districts'), String(stats.totals.districts)],
  ];
  return (
    <View className='impact card'>
      <View className='row impact__head'>
        <Text className='impact__title'>{t('impact.title')}</Text>
        <Pressable className='link impact__board' role='link' onPress={onOpenBoard}>
          {t('impact.board')}
        </Pressable>
      </View>
      <View className='impact__figures'>
        {figures.map(([key, label, value]) => (
          <View key={key} className={`impact__figure impact__figure--${key}`} data-figure={key}>
            <Text className='impact__value'>{value}</Text>
            <Text className='impact__label'>{label}</Text>
          </View>
        ))}
      </View>
      {stats.byDistrict.length > 0 && (
        <BarChart
          className='impact__chart'
          title={t('impact.byDistrict')}
          bars={stats.byDistrict.map((d) => ({ key: d.district, label: d.name, value: d.personTimes, display: count(d.personTimes, lang) }))}
        />
      )}
    </View>
  );
}
