import { ScrollView, View } from '@tarojs/components';
import type { District } from '@contract';
import { useI18n } from '../i18n';
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
  const chips = [{ id: '', name: t('home.all') }, ...districts];
  return (
    <ScrollView className='district-chips' scrollX enhanced showScrollbar={false} ariaLabel={t('home.districts')}>
      <View className='district-chips__row'>
        {chips.map((chip) => {
          const active = chip.id === selected;
          return (
            <View
              key={chip.id || 'all'}
              className={active ? 'chip chip--active' : 'chip'}
              ariaRole='button'
              ariaLabel={chip.name}
              data-district={chip.id}
              onClick={() => onSelect(chip.id)}
            >
              {chip.name}
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
