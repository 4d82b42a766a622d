import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminOffering, AdminProvider, AdminProviderDetail, District } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { createProvider, getProvider, listDistricts, updateProvider } from '../api';
import { useCan } from '../can';
import { useAdminText } from '../i18n';
import type { NoticeState } from '../notice';
import { recordNow } from '../use-admin-form';
import { Section } from '../section';
import { AdminShell } from '../shell';
import { DataTable } from '../table';
import { Overview, ThanksSection } from './overview';
import { PosterSection } from './poster-section';
import { ProfileForm } from './profile-form';
import { StaffSection } from './staff-section';
import { StatusSection } from './status-section';

function NewProvider({ districts }: { districts: District[] }) {
  const t = useAdminText();
  return (
    <ProfileForm
      districts={districts}
      submitText={t('action.create')}
      savedText={t('provider.created')}
      onSave={async (body) => {
        const answer = await createProvider(body);
        if (answer.ok) go.replace(routes.adminProvider(answer.data.provider.id));
        return answer;
      }}
    />
  );
}

function Offerings({ providerId, offerings }: { providerId: string; offerings: AdminOffering[] }) {
  const t = useAdminText();
  const can = useCan();
  const open = (o: AdminOffering) => go.to(routes.adminOffering(providerId, o.id));
  return (
    <Section
      id='offerings'
      className='admin-offerings'
      title={t('provider.offerings')}
      action={
        can('putOffering') && (
          <button type='button' className='admin-btn admin-offerings__new' onClick={() => go.to(routes.adminOffering(providerId))}>
            {t('provider.newOffering')}
          </button>
        )
      }
    >
      {offerings.length === 0 ? (
        <p className='admin-empty'>{t('provider.noOfferings')}</p>
      ) : (
        <DataTable<AdminOffering>
          rows={offerings}
          rowKey={(o) => o.id}
          onOpen={can('putOffering') ? open : undefined}
          columns={[
            { key: 'id', title: t('offering.id'), cell: (o) => o.id },
            { key: 'name', title: t('offering.name'), cell: (o) => o.name },
            { key: 'kind', title: t('offering.kind'), cell: (o) => t(o.kind === 'meal' ? 'offering.meal' : 'offering.blindBox') },
            { key: 'quota', title: t('offering.dailyQuota'), numeric: true, cell: (o) => o.dailyQuota },
            { key: 'windows', title: t('offering.windows'), cell: (o) => o.windows.map((w) => `${w.start}–${w.end}`).join(' · ') },
            { key: 'value', title: t('offering.value'), numeric: true, cell: (o) => (o.valueFen / 100).toFixed(2) },
            { key: 'active', title: t('offering.active'), cell: (o) => t(o.active ? 'offering.active' : 'offering.inactive') },
          ]}
        />
      )}
    </Section>
  );
}

function ProviderDesk({ detail, districts, onChanged }: { detail: AdminProviderDetail; districts: District[]; onChanged: () => void }) {
  const t = useAdminText();
  const can = useCan();
  const { provider: p } = detail;
  const [notice, setNotice] = useState<NoticeState>(null);
  // The profile as this page's last save or refused save returned it, when newer than the loaded one:
  // its `updatedAt` is the version the next edit is made from.
  const [returned, setReturned] = useState<AdminProvider | null>(null);
  const [formKey, setFormKey] = useState(0);
  const current = returned && returned.updatedAt > p.updatedAt ? returned : p;

  return (
    <>
      <StatusSection provider={p} districts={districts} notice={notice} onNotice={setNotice} onChanged={onChanged} />
      <Overview providerId={p.id} />
      {can('updateProvider') && (
        <Section id='profile' title={t('provider.profile')}>
          <ProfileForm
            key={`${p.id}:${formKey}`}
            provider={current}
            districts={districts}
            submitText={t('action.save')}
            savedText={t('action.saved')}
            onSave={async (body) => {
              // Made from the version the form shows: a change made meanwhile is refused, not overwritten.
              const answer = await updateProvider(p.id, { ...body, updatedAt: current.updatedAt });
              if (answer.ok) setReturned(answer.data.provider);
              else if (answer.code === 'CONFLICT') {
                // Someone changed it: the form starts again from the profile as it is now, and the page says so.
                const now = recordNow<AdminProvider>(answer.details, 'provider', 'updatedAt');
                if (now) setReturned(now);
                setFormKey((k) => k + 1);
                setNotice({ ok: false, text: t('provider.conflict') });
              }
              onChanged();
              return answer;
            }}
          />
        </Section>
      )}
      <Offerings providerId={p.id} offerings={detail.offerings} />
      {can('adminListStaff') && <StaffSection providerId={p.id} />}
      {can('adminThanks') && <ThanksSection providerId={p.id} />}
      {can('adminProviderPoster') && <PosterSection providerId={p.id} />}
    </>
  );
}

export default function AdminProviderPage() {
  const t = useAdminText();
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const districts = useResource(listDistricts, []);
  const detail = useResource(() => (id ? getProvider(id) : Promise.resolve({ ok: true as const, data: null })), [id], { onShow: true });
  const title = id ? (detail.data?.provider.name ?? t('providers.title')) : t('provider.newTitle');
  return (
    <AdminShell area='providers' title={title}>
      <Resource state={districts.state} onRetry={() => void districts.reload()}>
        {(ds) => (
          <Resource state={detail.state} onRetry={() => void detail.reload()}>
            {(d) => (d ? <ProviderDesk detail={d} districts={ds} onChanged={() => void detail.reload(true)} /> : <NewProvider districts={ds} />)}
          </Resource>
        )}
      </Resource>
    </AdminShell>
  );
}
