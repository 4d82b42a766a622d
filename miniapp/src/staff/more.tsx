// "Load more" for the staff lists that grow (the ledger, the orders): the first page comes from the
// page's resource (reloaded on show); later pages are appended here until the first page changes.
import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { Pressable } from '../components/pressable';
import { useI18n } from '../i18n';
import type { Result } from '../services/api';
import { useStaffError, useStaffResource } from './shared';

interface Paged<T> {
  items: T[];
  next: string | null;
}

type RowOf<P, K extends keyof P> = P[K] extends readonly (infer T)[] ? T : never;

/**
 * A staff list page's data: `fetch` answers one page (the first without a cursor), whose rows are
 * its `rows` field. `list` is the first page as a resource; `more` its rows with those loaded since.
 */
export function useStaffList<P extends { next: string | null }, K extends keyof P>(fetch: (cursor?: string) => Promise<Result<P>>, rows: K) {
  const list = useStaffResource(() => fetch(), [], { onShow: true });
  // One object per first page: the pages loaded after it are kept only while it is the same one.
  const first = useMemo(() => list.data && { items: list.data[rows] as RowOf<P, K>[], next: list.data.next }, [list.data, rows]);
  const more = useMore(first, async (cursor) => {
    const answer = await fetch(cursor);
    return answer.ok ? { ok: true, data: { items: answer.data[rows] as RowOf<P, K>[], next: answer.data.next } } : answer;
  });
  return { list, more };
}

function useMore<T>(first: Paged<T> | undefined, load: (cursor: string) => Promise<Result<Paged<T>>>) {
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
