import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { PointsResponse } from '@contract';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { isMessageKey, useI18n, useTitle } from '../../i18n';
import { staffPoints } from '../../services/api';
import { shanghaiDateTime } from '../../services/time';
import { StaffFooter, StaffNav, useStaffError, useStaffGuard } from '../shared';
import './index.css';

type Points = z.infer<typeof PointsResponse>;
type State = { status: 'loading' } | { status: 'error'; text: string } | { status: 'ready'; points: Points };

export default function StaffPointsPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const describe = useStaffError();
  const [state, setState] = useState<State>({ status: 'loading' });
  useTitle('staff.points.title');

  const load = useCallback(async () => {
    const answer = await staffPoints();
    setState(answer.ok ? { status: 'ready', points: answer.data } : { status: 'error', text: describe(answer) });
  }, [describe]);
  useDidShow(() => {
    if (allowed) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const reason = (text: string) => {
    const key = `staff.points.reason.${text}`;
    return isMessageKey(key) ? t(key) : text;
  };

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-points'>
      <TopBar title={t('staff.points.title')} back={false} />
      <StaffNav current='points' />
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && <StatusView kind='error' title={t('home.error')} detail={state.text} onRetry={() => void load()} />}
      {state.status === 'ready' && (
        <View>
          <View className='card points__balance'>
            <Text className='muted'>{t('staff.points.balance')}</Text>
            <Text className='points__number'>{state.points.balance}</Text>
          </View>
          {state.points.entries.length === 0 && <StatusView kind='empty' title={t('staff.points.empty')} />}
          {state.points.entries.length > 0 && (
            <View className='card'>
              {state.points.entries.map((e) => (
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
      <StaffFooter />
    </View>
  );
}
