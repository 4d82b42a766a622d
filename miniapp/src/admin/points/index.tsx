import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminProvider } from '@contract';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { getProvider, listProviders } from '../api';
import { SearchFilters } from '../filters';
import { useAdminText } from '../i18n';
import { shanghaiTime } from '../labels';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { StatusBadge } from '../status-badge';
import { PagedTable } from '../table';
import { Ledger } from './ledger';

/** Without a provider: find one by name (the ledger is per provider). */
function PickProvider() {
  const t = useAdminText();
  const [q, setQ] = useState('');
  const list = useCursorPages((cursor) => listProviders({ q: q || undefined, limit: PAGE_SIZE, cursor }), [q]);
  const open = (p: AdminProvider) => go.replace(routes.adminPoints(p.id));
  return (
    <>
      <p className='admin-muted'>{t('points.pick')}</p>
      <SearchFilters label={t('providers.search')} onSearch={setQ} />
      <PagedTable<AdminProvider>
        list={list}
        rowKey={(p) => p.id}
        onOpen={open}
        emptyTitle={t('providers.empty')}
        className='admin-points__providers'
        columns={[
          { key: 'name', title: t('providers.name'), cell: (p) => p.name },
          { key: 'id', title: t('points.providerId'), cell: (p) => p.id },
          { key: 'status', title: t('providers.status'), cell: (p) => <StatusBadge provider={p} /> },
          { key: 'joined', title: t('points.joined'), cell: (p) => shanghaiTime(p.createdAt).slice(0, 10) },
        ]}
      />
    </>
  );
}

export default function AdminPointsPage() {
  const t = useAdminText();
  const id = Taro.getCurrentInstance().router?.params.provider ?? '';
  const provider = useResource(() => (id ? getProvider(id) : Promise.resolve({ ok: true as const, data: null })), [id]);
  const name = provider.data?.provider.name;
  return (
    <AdminShell
      area='points'
      title={name ? t('points.titleOf', { name }) : t('points.title')}
      actions={
        id ? (
          <button type='button' className='admin-btn admin-btn--ghost admin-points__other' onClick={() => go.replace(routes.adminPoints())}>
            {t('points.other')}
          </button>
        ) : undefined
      }
    >
      {id ? <Ledger providerId={id} providerName={name ?? id} /> : <PickProvider />}
    </AdminShell>
  );
}
