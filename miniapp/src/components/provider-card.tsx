import { Text, View } from '@tarojs/components';
import type { PublicOffering, PublicProvider } from '@contract';
import { useI18n } from '../i18n';
import { Pressable } from './pressable';
import './provider-card.css';

export interface ProviderCardProps {
  provider: PublicProvider;
  /** The sub-district's name, when the list of districts is known. */
  districtName?: string;
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
    <View className={soldOut ? 'offering offering--sold-out' : 'offering'}>
      <View className='offering__main'>
        <View className='offering__name'>
          {offering.kind === 'blind_box' && <Text className='tag tag--box'>{t('offering.blind_box')}</Text>}
          <Text>{offering.name}</Text>
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

export function ProviderCard({ provider, districtName, onOpen }: ProviderCardProps) {
  const { t } = useI18n();
  return (
    <Pressable className='provider-card' role='link' data={{ provider: provider.id }} onPress={() => onOpen?.(provider.id)}>
      <View className='provider-card__head'>
        <Text className='provider-card__name'>{provider.name}</Text>
        <Text className={`tag tag--${provider.kind}`}>{t(`kind.${provider.kind}`)}</Text>
      </View>
      <Text className='provider-card__address'>
        {districtName ? `${districtName} · ${provider.address}` : provider.address}
      </Text>
      {provider.offerings.length === 0 ? (
        <Text className='provider-card__none'>{t('offering.none')}</Text>
      ) : (
        provider.offerings.map((offering) => <OfferingRow key={offering.id} offering={offering} />)
      )}
    </Pressable>
  );
}
