import { Text, View } from '@tarojs/components';
import type { LedgerEntry } from '@contract';
import { Pressable } from '../../components/pressable';
import { StatusView } from '../../components/status-view';
import { isMessageKey, useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { staffPoints } from '../../services/api';
import { serverNow } from '../../services/clock';
import { shanghaiDateTime } from '../../services/time';
import { StaffPage, StaffResource } from '../frame';
import { MoreButton, useStaffList } from '../more';
import './index.css';

/** A credit still held shows when it becomes spendable. */
const isHeld = (e: LedgerEntry, now: number) => e.points > 0 && Date.parse(e.availableAt) > now;

export default function StaffPointsPage() {
  const { t } = useI18n();
  const { list: points, more } = useStaffList(staffPoints, 'entries');

  // The reason is an enum; its words are the app's, in the current language.
  const reason = (code: string) => {
    const key = `staff.points.reason.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const now = serverNow();

  return (
    <StaffPage name='points'>
      <StaffResource of={points}>
        {(data) => (
        <View>
          <View className='card points__balance'>
            <Text className='muted'>{t('staff.points.balance')}</Text>
            <Text className='points__number'>{data.balance}</Text>
            <Text className='muted points__pending'>{t('staff.points.pending', { n: data.pending })}</Text>
            {data.pending > 0 && <Text className='muted points__hint'>{t('staff.points.pendingHint')}</Text>}
            <View className='points__actions'>
              <Pressable className='btn points__order' role='link' onPress={() => go.to(routes.staffCatalog())}>
                {t('staff.points.order')}
              </Pressable>
              <Pressable className='btn btn--ghost points__exchanges' role='link' onPress={() => go.to(routes.staffExchanges())}>
                {t('staff.points.myExchanges')}
              </Pressable>
            </View>
          </View>
          {more.items.length === 0 && <StatusView kind='empty' title={t('staff.points.empty')} />}
          {more.items.length > 0 && (
            <View className='card' ariaRole='list' ariaLabel={t('staff.points.ledger')}>
              {more.items.map((e) => (
                <View key={e.id} className='row points__entry' ariaRole='listitem' data-reason={e.reason}>
                  <View className='points__what'>
                    <Text className='points__reason'>{reason(e.reason)}</Text>
                    {e.note && <Text className='points__note'>{e.note}</Text>}
                    <Text className='muted'>{shanghaiDateTime(e.at)}</Text>
                    {isHeld(e, now) && <Text className='muted points__held'>{t('staff.points.heldUntil', { d: shanghaiDateTime(e.availableAt) })}</Text>}
                  </View>
                  <Text className={e.points >= 0 ? 'points__delta' : 'points__delta points__delta--neg'}>
                    {e.points >= 0 ? `+${e.points}` : String(e.points)}
                  </Text>
                </View>
              ))}
            </View>
          )}
          <MoreButton more={more} />
        </View>
        )}
      </StaffResource>
    </StaffPage>
  );
}
