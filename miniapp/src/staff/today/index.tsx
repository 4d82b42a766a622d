import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SlotView } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { useI18n, type MessageKey } from '../../i18n';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { staffToday, staffWalkIn } from '../../services/api';
import { StaffPage, StaffResource } from '../frame';
import { useStaffError, useStaffResource } from '../shared';
import './index.css';

const counts: Array<[keyof SlotView, MessageKey]> = [
  ['capacity', 'staff.today.capacity'],
  ['booked', 'staff.today.booked'],
  ['redeemed', 'staff.today.redeemed'],
  ['walkIns', 'staff.today.walkIns'],
  ['remaining', 'staff.today.remaining'],
];

export default function StaffTodayPage() {
  const { t } = useI18n();
  const describe = useStaffError();
  const [confirming, setConfirming] = useState<SlotView | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const today = useStaffResource(() => staffToday(), [], { onShow: true });
  const handing = useIdempotentAction((key, offeringId: string) => staffWalkIn(offeringId, 1, key), (offeringId) => offeringId);

  const handOut = async (slot: SlotView) => {
    setConfirming(null);
    const answer = await handing.run(slot.offeringId);
    if (!answer) return;
    setNotice(answer.ok ? { ok: true, text: t('staff.handoutDone') } : { ok: false, text: describe(answer) });
    void today.reload(true);
  };

  return (
    <StaffPage name='today' detail={today.data?.date}>
      <Notice text={notice?.text} kind={notice?.ok ? 'ok' : 'error'} role='status' />
      <StaffResource of={today} isEmpty={(d) => d.slots.length === 0} emptyTitle={t('staff.today.empty')}>
        {(d) =>
        d.slots.map((slot) => (
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
            <Pressable
              className={slot.remaining > 0 ? 'btn btn--ghost slot__handout' : 'btn btn--disabled slot__handout'}
              disabled={slot.remaining <= 0}
              onPress={() => setConfirming(slot)}
            >
              {t('staff.handout')}
            </Pressable>
          </View>
        ))
        }
      </StaffResource>
      {confirming && (
        <ConfirmDialog
          title={t('staff.handout')}
          body={t('staff.handoutConfirm', { o: confirming.name })}
          confirmText={t('staff.handout')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void handOut(confirming)}
        />
      )}
    </StaffPage>
  );
}
