import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Exchange } from '@contract';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { staffExchanges } from '../../services/api';
import { shanghaiDateTime } from '../../services/time';
import { StaffPage, StaffResource } from '../frame';
import { MoreButton, useStaffList } from '../more';
import './index.css';

const statusClass: Record<Exchange['status'], string> = {
  PENDING: 'exchange__status exchange__status--pending',
  FULFILLED: 'exchange__status exchange__status--fulfilled',
  REJECTED: 'exchange__status exchange__status--rejected',
};

export default function StaffExchangesPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  const { list, more } = useStaffList(staffExchanges, 'exchanges');

  return (
    <StaffPage name='exchanges' under='points'>
      {params.placed && <Notice kind='ok' text={t('staff.catalog.placed')} />}
      <StaffResource
        of={list}
        isEmpty={(d) => d.exchanges.length === 0}
        emptyTitle={t('staff.exchanges.empty')}
        emptyAction={
          <View className='exchanges__empty'>
            <Pressable className='btn' role='link' onPress={() => go.replace(routes.staffCatalog())}>
              {t('staff.exchanges.order')}
            </Pressable>
          </View>
        }
      >
        {() => (
          <View>
            {more.items.map((x) => (
              <View key={x.id} className={x.id === params.placed ? 'card exchange exchange--placed' : 'card exchange'} data-exchange={x.id} data-status={x.status}>
                <View className='row exchange__head'>
                  <Text className='exchange__name'>{x.itemName}</Text>
                  <Text className={statusClass[x.status]}>{t(`staff.exchanges.status.${x.status}`)}</Text>
                </View>
                <Text className='exchange__line'>{t('staff.exchanges.line', { q: x.quantity, u: x.unit, n: x.points })}</Text>
                <Text className='muted'>{shanghaiDateTime(x.createdAt)}</Text>
                {x.status === 'REJECTED' && x.reason && <Text className='exchange__reason'>{t('staff.exchanges.rejected', { r: x.reason })}</Text>}
                {x.decidedAt && <Text className='muted exchange__decided'>{t('staff.exchanges.decidedAt', { d: shanghaiDateTime(x.decidedAt) })}</Text>}
              </View>
            ))}
            <MoreButton more={more} />
          </View>
        )}
      </StaffResource>
    </StaffPage>
  );
}
