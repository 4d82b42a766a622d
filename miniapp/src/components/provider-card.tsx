import { Text, View } from '@tarojs/components';
import type { PublicOffering, PublicProvider } from '@contract';
import { useI18n, type I18n } from '../i18n';
import { Pressable } from './pressable';
import { useLocalName, Zh } from './zh';
import './provider-card.css';

/** How far, as a person reads it: metres to the nearest hundred under 1 km (never "0.0 公里"), else km to one decimal. */
export function distanceText(t: I18n['t'], km: number): string {
  return km < 1 ? t('home.distanceM', { m: Math.max(100, Math.round(km * 10) * 100) }) : t('home.distance', { d: km.toFixed(1) });
}

export interface ProviderCardProps {
  provider: PublicProvider;
  /** The sub-district's name, when the list of districts is known. */
  districtName?: string;
  /** Kilometres from the person, when they shared where they are. */
  distanceKm?: number;
  onOpen?: (id: string) => void;
}

/** "11:30–13:30" for each window, joined. */
export function formatWindows(offering: PublicOffering): string {
  return offering.windows.map((w) => `${w.start}–${w.end}`).join(' · ');
}

function OfferingRow({ offering }: { offering: PublicOffering }) {
  const { t } = useI18n();
  const soldOut = offering.remaining === 0;
  return (
    <View className={soldOut ? 'row offering offering--sold-out' : 'row offering'}>
      <View className='offering__main'>
        <View className='offering__name'>
          {offering.kind === 'blind_box' && <Text className='tag tag--box'>{t('offering.blind_box')}</Text>}
          <Zh text={offering.name} />
        </View>
        {offering.windows.length > 0 && (
          <Text className='offering__windows'>
            {t('offering.pickup')} {formatWindows(offering)}
          </Text>
        )}
      </View>
      <Text className={soldOut ? 'meals-left meals-left--none' : 'meals-left'}>
        {soldOut ? t('offering.soldOut') : t('offering.left', { n: offering.remaining })}
      </Text>
    </View>
  );
}

export function ProviderCard({ provider, districtName, distanceKm, onOpen }: ProviderCardProps) {
  const { t } = useI18n();
  const localName = useLocalName();
  return (
    <Pressable className='card provider-card' role='link' data={{ provider: provider.id }} onPress={() => onOpen?.(provider.id)}>
      <View className='row provider-card__head'>
        <Text className='provider-card__name'>{localName(provider)}</Text>
        <Text className={`tag tag--${provider.kind}`}>{t(`kind.${provider.kind}`)}</Text>
      </View>
      <View className='provider-card__address'>
        {districtName && <Text>{districtName} · </Text>}
        <Zh text={provider.address} />
        {distanceKm !== undefined && <Text className='provider-card__distance'> · {distanceText(t, distanceKm)}</Text>}
      </View>
      {provider.offerings.length === 0 ? (
        <Text className='provider-card__none'>{t('offering.none')}</Text>
      ) : (
        provider.offerings.map((offering) => <OfferingRow key={offering.id} offering={offering} />)
      )}
    </Pressable>
  );
}
