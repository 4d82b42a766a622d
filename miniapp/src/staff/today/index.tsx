import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';
import type { SlotView } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle, type MessageKey } from '../../i18n';
import { newIdempotencyKey, staffToday, staffWalkIn } from '../../services/api';
import { StaffFooter, StaffNav, useStaffError, useStaffGuard } from '../shared';
import './index.css';

type State = { status: 'loading' } | { status: 'error'; text: string } | { status: 'ready'; date: string; slots: SlotView[] };

const counts: Array<[keyof SlotView, MessageKey]> = [
  ['capacity', 'staff.today.capacity'],
  ['booked', 'staff.today.booked'],
  ['redeemed', 'staff.today.redeemed'],
  ['walkIns', 'staff.today.walkIns'],
  ['remaining', 'staff.today.remaining'],
];

export default function StaffTodayPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const describe = useStaffError();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [confirming, setConfirming] = useState<SlotView | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const attempt = useRef<{ offeringId: string; key: string } | null>(null);
  useTitle('staff.today.title');

  const load = useCallback(async () => {
    const answer = await staffToday();
    setState(answer.ok ? { status: 'ready', date: answer.data.date, slots: answer.data.slots } : { status: 'error', text: describe(answer) });
  }, [describe]);

  useDidShow(() => {
    if (allowed) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const handOut = async (slot: SlotView) => {
    setConfirming(null);
    if (attempt.current?.offeringId !== slot.offeringId) attempt.current = { offeringId: slot.offeringId, key: newIdempotencyKey() };
    const answer = await staffWalkIn(slot.offeringId, 1, attempt.current.key);
    if (answer.ok || answer.code !== 'NETWORK_ERROR') attempt.current = null;
    setNotice(answer.ok ? { ok: true, text: t('staff.handoutDone') } : { ok: false, text: describe(answer) });
    void load();
  };

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-today'>
      <TopBar title={state.status === 'ready' ? `${t('staff.today.title')} ${state.date}` : t('staff.today.title')} back={false} />
      <StaffNav current='today' />
      {notice && (
        <View className={notice.ok ? 'notice notice--ok' : 'notice notice--error'} ariaRole='status'>
          {notice.text}
        </View>
      )}
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && <StatusView kind='error' title={t('home.error')} detail={state.text} onRetry={() => void load()} />}
      {state.status === 'ready' && state.slots.length === 0 && <StatusView kind='empty' title={t('staff.today.empty')} />}
      {state.status === 'ready' &&
        state.slots.map((slot) => (
          <View key={slot.offeringId} className='card slot' data-offering={slot.offeringId}>
            <Text className='slot__name'>{slot.name}</Text>
            <Text className='muted'>{slot.windows.map((w) => `${w.start}–${w.end}`).join(' · ')}</Text>
            <View className='slot__counts'>
              {counts.map(([field, label]) => (
                <View key={field} className='slot__count' data-count={field}>
                  <Text className='slot__number'>{String(slot[field])}</Text>
                  <Text className='slot__label'>{t(label)}</Text>
                </View>
              ))}
            </View>
            <View
              className={slot.remaining > 0 ? 'btn btn--ghost slot__handout' : 'btn btn--disabled slot__handout'}
              ariaRole='button'
              aria-disabled={slot.remaining <= 0}
              onClick={() => slot.remaining > 0 && setConfirming(slot)}
            >
              {t('staff.handout')}
            </View>
          </View>
        ))}
      <StaffFooter />
      {confirming && (
        <ConfirmDialog
          title={t('staff.handout')}
          body={t('staff.handoutConfirm', { o: confirming.name })}
          confirmText={t('staff.handout')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void handOut(confirming)}
        />
      )}
    </View>
  );
}
