// A provider's profile: name, kind, sub-district, address, licence and permit with their expiry
// dates. Checked with the contract's own schema before sending; the server's field errors land at
// the same fields.
import { ProviderInput, type AdminProvider, type District, type ProviderDocument, type ProviderKind } from '@contract';
import type { Result } from '../../services/request';
import { Field, TextField, type FieldErrors } from '../form';
import { useAdminText } from '../i18n';
import { kindLabel, providerKinds, useDistrictLabel } from '../labels';
import { Notice, Restored } from '../notice';
import { useDraft } from '../drafts';
import { useAdminForm } from '../use-admin-form';

type Draft = {
  name: string;
  kind: ProviderKind;
  district: string;
  address: string;
  businessLicence: ProviderDocument;
  hygienePermit: ProviderDocument;
};

const documentOf = (d?: ProviderDocument): ProviderDocument => ({ number: d?.number ?? '', expiresOn: d?.expiresOn ?? '' });

const draftOf = (p?: AdminProvider): Draft => ({
  name: p?.name ?? '',
  kind: p?.kind ?? 'restaurant',
  district: p?.district ?? '',
  address: p?.address ?? '',
  businessLicence: documentOf(p?.businessLicence),
  hygienePermit: documentOf(p?.hygienePermit),
});

/** A licence or permit: its number and expiry, named as the contract nests them so its errors land here. */
function DocumentFields({ name, title, value, errors, onChange }: { name: 'businessLicence' | 'hygienePermit'; title: string; value: ProviderDocument; errors: FieldErrors; onChange: (d: ProviderDocument) => void }) {
  const t = useAdminText();
  return (
    <fieldset className='admin-form__group'>
      <legend>{title}</legend>
      <TextField name={`${name}.number`} label={`${title} · ${t('provider.number')}`} errors={errors} input={{ maxLength: 64 }} value={value.number} onChange={(number) => onChange({ ...value, number })} />
      <TextField
        name={`${name}.expiresOn`}
        label={`${title} · ${t('provider.expiresOn')}`}
        errors={errors}
        input={{ type: 'date' }}
        value={value.expiresOn}
        onChange={(expiresOn) => onChange({ ...value, expiresOn })}
      />
    </fieldset>
  );
}

export interface ProfileFormProps {
  provider?: AdminProvider;
  districts: District[];
  /** Sends the checked profile (create or edit). */
  onSave: (body: ProviderInput) => Promise<Result<unknown>>;
  submitText: string;
  savedText: string;
}

export function ProfileForm({ provider, districts, onSave, submitText, savedText }: ProfileFormProps) {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const { draft, setDraft, restored } = useDraft<Draft>(`provider:${provider?.id ?? 'new'}`, () => draftOf(provider));
  const { errors, notice, saving, onSubmit } = useAdminForm({ check: () => ProviderInput.safeParse(draft), send: onSave, saved: () => savedText, summarise: true });
  const set = (field: 'name' | 'kind' | 'district' | 'address') => (value: string) => setDraft({ ...draft, [field]: value });

  return (
    <form className='admin-form admin-profile' onSubmit={onSubmit} noValidate>
      <Restored shown={restored} />
      <div className='admin-form__grid'>
        <TextField name='name' label={t('provider.name')} errors={errors} input={{ maxLength: 80 }} value={draft.name} onChange={set('name')} />
        <Field name='kind' label={t('provider.kind')} errors={errors}>
          {(c) => (
            <select {...c} className='admin-input' value={draft.kind} onChange={(e) => set('kind')(e.target.value)}>
              {providerKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name='district' label={t('provider.district')} errors={errors}>
          {(c) => (
            <select {...c} className='admin-input' value={draft.district} onChange={(e) => set('district')(e.target.value)}>
              <option value=''>—</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {districtLabel(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name='address' label={t('provider.address')} errors={errors} className='admin-form__wide' input={{ maxLength: 200 }} value={draft.address} onChange={set('address')} />
      </div>
      <DocumentFields name='businessLicence' title={t('provider.licence')} value={draft.businessLicence} errors={errors} onChange={(businessLicence) => setDraft({ ...draft, businessLicence })} />
      <DocumentFields name='hygienePermit' title={t('provider.permit')} value={draft.hygienePermit} errors={errors} onChange={(hygienePermit) => setDraft({ ...draft, hygienePermit })} />
      <Notice notice={notice} />
      <div className='admin-form__actions'>
        <button type='submit' className='admin-btn admin-profile__save' disabled={saving}>
          {submitText}
        </button>
      </div>
    </form>
  );
}
