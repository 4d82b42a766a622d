import { useState } from 'react';
import type { AdminProvider, ProviderKind, ProviderStatus } from '@contract';
import { useResource } from '../../hooks/use-resource';
import { go, pageParams, routes } from '../../routes';
import { listDistricts, listProviders } from '../api';
import { FilterSelect, filled, SearchFilters } from '../filters';
import { useCan } from '../can';
import { useAdminText } from '../i18n';
import { districtName, useDistrictLabel, kindLabel, providerKinds, providerStatuses, statusLabel } from '../labels';
import { AdminLink } from '../link';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { StatusBadge } from '../status-badge';
import { DocumentsDue } from './documents-due';
import { PagedTable, type Column } from '../table';

/** Search and filters are kept in the page URL's query, so a link (e.g. from Needs attention) opens them. */
interface Filters {
  q: string;
  district: string;
  status: ProviderStatus | '';
  kind: ProviderKind | '';
  /** 'due': the providers whose documents have lapsed or lapse soon, instead of the list. */
  documents: 'due' | '';
}

function initialFilters(): Filters {
  const query = pageParams();
  return {
    q: query.q ?? '',
    district: query.district ?? '',
    status: (providerStatuses as string[]).includes(query.status ?? '') ? (query.status as ProviderStatus) : '',
    kind: (providerKinds as string[]).includes(query.kind ?? '') ? (query.kind as ProviderKind) : '',
    documents: query.documents === 'due' ? 'due' : '',
  };
}

export default function AdminProvidersPage() {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const can = useCan();
  const [filters] = useState<Filters>(initialFilters);
  // Each filter lives in the page URL, so a reload, a copied link or Back shows the same list.
  const setFilters = (next: Filters) => go.replace(routes.adminProviders(filled(next)));
  const districts = useResource(listDistricts, []);
  const { documents, ...query } = filters;
  const list = useCursorPages((cursor) => listProviders({ ...filled(query), limit: PAGE_SIZE, cursor }), [filters]);

  const columns: Column<AdminProvider>[] = [
    { key: 'name', title: t('providers.name'), cell: (p) => <AdminLink to={routes.adminProvider(p.id)}>{p.name}</AdminLink> },
    { key: 'kind', title: t('providers.kind'), cell: (p) => kindLabel(t, p.kind) },
    { key: 'district', title: t('providers.district'), cell: (p) => districtName(districts.data, p.district, districtLabel) },
    { key: 'status', title: t('providers.status'), cell: (p) => <StatusBadge provider={p} /> },
    { key: 'licence', title: t('providers.licence'), cell: (p) => p.businessLicence.expiresOn },
    { key: 'permit', title: t('providers.permit'), cell: (p) => p.hygienePermit.expiresOn },
  ];

  return (
    <AdminShell
      area='providers'
      title={t('providers.title')}
      actions={
        can('createProvider') && (
          <button type='button' className='admin-btn admin-providers__new' onClick={() => go.to(routes.adminProvider())}>
            {t('providers.new')}
          </button>
        )
      }
    >
      <div className='admin-chips'>
        <button
          type='button'
          className={documents ? 'admin-chip admin-chip--on' : 'admin-chip'}
          aria-pressed={documents === 'due'}
          onClick={() => setFilters({ ...filters, documents: documents ? '' : 'due' })}
        >
          {t('providers.documentsDue')}
        </button>
      </div>
      {documents ? (
        <DocumentsDue />
      ) : (
        <>
          <SearchFilters label={t('providers.search')} initial={filters.q} onSearch={(q) => setFilters({ ...filters, q })}>
            <FilterSelect
              name='district'
              label={t('providers.district')}
              all={t('providers.allDistricts')}
              value={filters.district}
              options={districts.data?.map((d) => ({ value: d.id, text: districtLabel(d) })) ?? []}
              onChange={(district) => setFilters({ ...filters, district })}
            />
            <FilterSelect
              name='status'
              label={t('providers.status')}
              all={t('providers.allStatuses')}
              value={filters.status}
              options={providerStatuses.map((s) => ({ value: s, text: statusLabel(t, s) }))}
              onChange={(status) => setFilters({ ...filters, status })}
            />
            <FilterSelect
              name='kind'
              label={t('providers.kind')}
              all={t('providers.allKinds')}
              value={filters.kind}
              options={providerKinds.map((k) => ({ value: k, text: kindLabel(t, k) }))}
              onChange={(kind) => setFilters({ ...filters, kind })}
            />
          </SearchFilters>
          <PagedTable
            list={list}
            columns={columns}
            rowKey={(p) => p.id}
            onOpen={(p) => go.to(routes.adminProvider(p.id))}
            emptyTitle={t('providers.empty')}
            className='admin-providers__table'
          />
        </>
      )}
    </AdminShell>
  );
}
