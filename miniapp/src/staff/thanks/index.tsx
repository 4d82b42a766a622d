import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { Resource } from '../../components/resource';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { staffThanks } from '../../services/api';
import { StaffFooter, StaffNav, useStaffError, useStaffGuard, useStaffResource } from '../shared';
import './index.css';

type Note = { id: string; note: string; at: string };

/**
 * What the people fed said: the restaurant's likes and thank-you notes, newest first. A note
 * carries its words and time only — the server never sends who wrote it.
 */
export default function StaffThanksPage() {
  const { t } = useI18n();
  const allowed = useStaffGuard();
  const first = useStaffResource(() => staffThanks(), [], { onShow: true });
  const explain = useStaffError();
  // Older pages, fetched on request; a reload of the first page starts over.
  const [older, setOlder] = useState<{ notes: Note[]; next: string | null; for: unknown } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useTitle('staff.thanks.title');

  const more = older && older.for === first.data ? older : null;
  const next = more ? more.next : (first.data?.next ?? null);
  const loadMore = async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    setProblem(null);
    const answer = await staffThanks(next);
    setLoadingMore(false);
    if (!answer.ok) {
      setProblem(explain(answer));
      return;
    }
    setOlder({ notes: [...(more?.notes ?? []), ...answer.data.thanks], next: answer.data.next, for: first.data });
  };

  if (!allowed) return <View className='page' />;
  return (
    <View className='page staff-thanks' ariaRole='main'>
      <TopBar title={t('staff.thanks.title')} back={false} />
      <StaffNav current='thanks' />
      <Resource state={first.state} onRetry={() => void first.reload()} errorContext='staff'>
        {(data) => {
          const notes = [...data.thanks, ...(more?.notes ?? [])];
          return (
            <View>
              <View className='card thanks__likes'>
                <Text className='thanks__heart'>♥</Text>
                <Text className='thanks__count'>{data.likes}</Text>
                <Text className='muted'>{t('staff.thanks.likes')}</Text>
              </View>
              <Text className='muted thanks__privacy'>{t('staff.thanks.privacy')}</Text>
              {notes.length === 0 && <StatusView kind='empty' title={t('staff.thanks.empty')} />}
              {notes.length > 0 && (
                <View className='card thanks__list' ariaRole='list'>
                  {notes.map((n) => (
                    <View key={n.id} className='thanks__note' ariaRole='listitem'>
                      <Text className='thanks__text'>{n.note}</Text>
                      <Text className='muted thanks__at'>{n.at}</Text>
                    </View>
                  ))}
                </View>
              )}
              {problem && (
                <View className='notice notice--error' ariaRole='alert'>
                  {problem}
                </View>
              )}
              {next && (
                <Pressable className={loadingMore ? 'btn btn--ghost btn--wide btn--disabled' : 'btn btn--ghost btn--wide thanks__more'} onPress={() => void loadMore()}>
                  {loadingMore ? t('home.loading') : t('staff.thanks.more')}
                </Pressable>
              )}
            </View>
          );
        }}
      </Resource>
      <StaffFooter />
    </View>
  );
}
