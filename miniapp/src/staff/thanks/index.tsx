import { Text, View } from '@tarojs/components';
import { StatusView } from '../../components/status-view';
import { useI18n } from '../../i18n';
import { staffThanks } from '../../services/api';
import { MoreButton, useStaffList } from '../more';
import { StaffPage, StaffResource } from '../frame';
import './index.css';

/**
 * What the people fed said: the restaurant's likes and thank-you notes, newest first. A note
 * carries its words and time only — the server never sends who wrote it.
 */
export default function StaffThanksPage() {
  const { t } = useI18n();
  const { list: first, more } = useStaffList(staffThanks, 'thanks');

  return (
    <StaffPage name='thanks'>
      <StaffResource of={first}>
        {(data) => (
          <View>
            <View className='card thanks__likes'>
              <Text className='thanks__heart'>♥</Text>
              <Text className='thanks__count'>{data.likes}</Text>
              <Text className='muted'>{t('staff.thanks.likes')}</Text>
            </View>
            <Text className='muted thanks__privacy'>{t('staff.thanks.privacy')}</Text>
            {more.items.length === 0 && <StatusView kind='empty' title={t('staff.thanks.empty')} />}
            {more.items.length > 0 && (
              <View className='card thanks__list' ariaRole='list'>
                {more.items.map((n) => (
                  <View key={n.id} className='thanks__note' ariaRole='listitem'>
                    <Text className='thanks__text'>{n.note}</Text>
                    <Text className='muted thanks__at'>{n.at}</Text>
                  </View>
                ))}
              </View>
            )}
            <MoreButton more={more} label={t('staff.thanks.more')} />
          </View>
        )}
      </StaffResource>
    </StaffPage>
  );
}
