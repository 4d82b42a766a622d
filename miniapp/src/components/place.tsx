import { View } from '@tarojs/components';
import type { GeoPoint } from '@contract';
import { useI18n } from '../i18n';
import { mapLink, openMap } from '../services/location';
import { Pressable } from './pressable';
import { Zh } from './zh';
import './place.css';

export interface PlaceProps {
  name: string;
  address: string;
  location: GeoPoint | null | undefined;
}

/** The address, and a way there: WeChat's map, or a map link in the browser. */
export function Place({ name, address, location }: PlaceProps) {
  const { t } = useI18n();
  return (
    <View className='place'>
      <Zh className='place__address' text={address} />
      {location && (
        <Pressable className='link place__map' role='link' data={{ href: mapLink(location, name) }} onPress={() => openMap(location, name, address)}>
          {t('place.openMap')}
        </Pressable>
      )}
    </View>
  );
}
