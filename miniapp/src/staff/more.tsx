// "Load more" for the staff lists that grow (the ledger, the orders): the first page comes from the
// page's resource (reloaded on show); later pages are appended here until the first page changes.
import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { Listed, Page } from '@contract';
import { Notice } from '../components/notice';
import { Pressable } from '../components/pressable';
import { useI18n } from '../i18n';
import type { Result } from '../services/api';
import { pageOf } from '../services/page';
import { useStaffError, useStaffResource } from './shared';
import './more.css';

/**
 * A staff list page's data: `fetch` answers one page (the first without a cursor), whose rows are
 * its `rows` field. `list` is the first page as a resource (with what comes beside its rows, such as
 * a balance); `more` its rows with those loaded since.
 */
export function useStaffList<K extends string, T, P>(fetch: (cursor?: string) => Promise<Result<P & Listed<K, T>>>, rows: K) {
  const list = useStaffResource(() => fetch(), [], { onShow: true });
  // One object per first page: the pages loaded after it are kept only while it is the same one.
  const first = useMemo(() => list.data && { items: list.data[rows], next: list.data.next }, [list.data, rows]);
  const more = useMore(first, async (cursor) => pageOf(await fetch(cursor), rows));
  return { list, more };
}

function useMore<T>(first: Page<T> | undefined, load: (cursor: string) => Promise<Result<Page<T>>>) {
  const describe = useStaffError();
  // Pages after the first, tagged with the first page they follow: a reload starts over.
  const [more, setMore] = useState<{ after: Page<T>; items: T[]; next: string | null } | null>(null);
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

/** The button under a list, while there is more to load; `label` names what more is (default "Load more"). */
export function MoreButton({ more, label }: { more: { next: string | null; loading: boolean; failure: string | null; loadMore: () => Promise<void> }; label?: string }) {
  const { t } = useI18n();
  if (!more.next) return null;
  return (
    <View className='staff-more'>
      <Notice text={more.failure} />
      <Pressable className={more.loading ? 'btn btn--ghost btn--disabled staff-more__button' : 'btn btn--ghost staff-more__button'} disabled={more.loading} onPress={() => void more.loadMore()}>
        {label ?? t('staff.more')}
      </Pressable>
    </View>
  );
}
