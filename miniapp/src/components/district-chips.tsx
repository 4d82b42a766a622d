import { ScrollView, View } from '@tarojs/components';
import type { District } from '@contract';
import { useI18n } from '../i18n';
import { Pressable } from './pressable';
import { useLocalName } from './zh';
import './district-chips.css';

export interface DistrictChipsProps {
  districts: District[];
  /** '' = all sub-districts */
  selected: string;
  onSelect: (id: string) => void;
}

/** 全部 + one chip per sub-district, scrolling sideways. */
export function DistrictChips({ districts, selected, onSelect }: DistrictChipsProps) {
  const { t } = useI18n();
  const localName = useLocalName();
  const chips = [{ id: '', name: t('home.all') }, ...districts.map((d) => ({ id: d.id, name: localName(d) }))];
  return (
    <ScrollView className='district-chips' scrollX enhanced showScrollbar={false}>
      <View className='district-chips__row' ariaRole='radiogroup' ariaLabel={t('home.districts')}>
        {chips.map((chip) => {
          const active = chip.id === selected;
          return (
            <Pressable
              key={chip.id || 'all'}
              className={active ? 'chip chip--active' : 'chip'}
              role='radio'
              checked={active}
              data={{ district: chip.id }}
              onPress={() => onSelect(chip.id)}
            >
              {chip.name}
            </Pressable>
          );
        })}
      </View>
    </ScrollView>
  );
}
