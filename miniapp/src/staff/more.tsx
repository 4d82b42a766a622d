// "Load more" for the staff lists that grow (the ledger, the orders): the first page comes from the
// page's resource (reloaded on show); later pages are appended here until the first page changes.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Pressable } from '../components/pressable';
import { useI18n } from '../i18n';
import type { Result } from '../services/api';
import { useStaffError } from './shared';

export interface Paged<T> {
  items: T[];
  next: string | null;
}

export function useMore<T>(first: Paged<T> | undefined, load: (cursor: string) => Promise<Result<Paged<T>>>) {
  const describe = useStaffError();
  // Pages after the first, tagged with the first page they follow: a reload starts over.
  const [more, setMore] = useState<{ after: Paged<T>; items: T[]; next: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const own = first && more?.after === first ? more : null;
  const items = first ? [...first.items, ...(own?.items ?? [])] : [];
  const next = own ? own.next : (first?.next ?? null);

  const loadMore = async () => {
    if (!first || !next || loading) return;
    setLoading(true);
    const answer = await load(next);
    setLoading(false);
    if (!answer.ok) return setFailure(describe(answer));
    setFailure(null);
    setMore({ after: first, items: [...(own?.items ?? []), ...answer.data.items], next: answer.data.next });
  };
  return { items, next, loadMore, loading, failure };
}

/** The button under a list, while there is more to load. */
export function MoreButton({ more }: { more: { next: string | null; loading: boolean; failure: string | null; loadMore: () => Promise<void> } }) {
  const { t } = useI18n();
  if (!more.next) return null;
  return (
    <View className='staff-more'>
      {more.failure && (
        <View className='notice notice--error' ariaRole='alert'>
          {more.failure}
        </View>
      )}
      <Pressable className={more.loading ? 'btn btn--ghost btn--disabled staff-more__button' : 'btn btn--ghost staff-more__button'} disabled={more.loading} onPress={() => void more.loadMore()}>
        {t('staff.more')}
      </Pressable>
    </View>
  );
}
