import { Text, View } from '@tarojs/components';
import { Resource } from '../../components/resource';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { isMessageKey, useI18n, useTitle } from '../../i18n';
import { staffPoints } from '../../services/api';
import { shanghaiDateTime } from '../../services/time';
import { StaffFooter, StaffNav, useStaffGuard, useStaffResource } from '../shared';
import './index.css';

export default function StaffPointsPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const points = useStaffResource(() => staffPoints(), [], { onShow: true });
  useTitle('staff.points.title');

  const reason = (text: string) => {
    const key = `staff.points.reason.${text}`;
    return isMessageKey(key) ? t(key) : text;
  };

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-points' ariaRole='main'>
      <TopBar title={t('staff.points.title')} back={false} />
      <StaffNav current='points' />
      <Resource state={points.state} onRetry={() => void points.reload()} errorContext='staff'>
        {(data) => (
        <View>
          <View className='card points__balance'>
            <Text className='muted'>{t('staff.points.balance')}</Text>
            <Text className='points__number'>{data.balance}</Text>
            <Text className='muted points__pending'>{t('staff.points.pending', { n: data.pending })}</Text>
          </View>
          {data.entries.length === 0 && <StatusView kind='empty' title={t('staff.points.empty')} />}
          {data.entries.length > 0 && (
            <View className='card'>
              {data.entries.map((e) => (
                <View key={e.id} className='points__entry'>
                  <View>
                    <Text className='points__reason'>{reason(e.reason)}</Text>
                    <Text className='muted'>{shanghaiDateTime(e.at)}</Text>
                  </View>
                  <Text className={e.points >= 0 ? 'points__delta' : 'points__delta points__delta--neg'}>
                    {e.points >= 0 ? `+${e.points}` : String(e.points)}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </View>
        )}
      </Resource>
      <StaffFooter />
    </View>
  );
}
