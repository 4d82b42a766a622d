import { Text, View } from '@tarojs/components';
import { Pressable } from '../../components/pressable';
import { PosterSheet } from '../../components/poster-sheet';
import { useI18n } from '../../i18n';
import { staffPoster } from '../../services/api';
import { StaffPage, StaffResource } from '../frame';
import { useStaffResource } from '../shared';
import './index.css';

export default function StaffPosterPage() {
  const { t } = useI18n();
  const poster = useStaffResource(() => staffPoster(), []);

  return (
    <StaffPage name='poster'>
      <StaffResource of={poster}>
        {(state) => (
          <View>
            <View className='card poster-card'>
              <PosterSheet poster={state} />
            </View>
            <Text className='poster__hint'>{t('staff.poster.hint')}</Text>
            {process.env.TARO_ENV === 'h5' && (
              <Pressable className='btn btn--wide poster__print' onPress={() => window.print()}>
                {t('staff.poster.print')}
              </Pressable>
            )}
          </View>
        )}
      </StaffResource>
    </StaffPage>
  );
}
