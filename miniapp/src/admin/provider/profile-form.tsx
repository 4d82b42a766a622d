// A provider's profile: name, kind, sub-district, address, licence and permit with their expiry
// dates. Checked with the contract's own schema before sending; the server's field errors land at
// the same fields.
import { useState, type FormEvent } from 'react';
import { ProviderInput, type AdminProvider, type District, type ProviderKind } from '@contract';
import type { Result } from '../../services/request';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { Field, Notice, serverErrors, zodErrors, type FieldErrors, type NoticeState } from '../form';
import { useAdminText } from '../i18n';
import { kindLabel, providerKinds } from '../labels';

type Draft = {
  name: string;
  kind: ProviderKind;
  district: string;
  address: string;
  licenceNumber: string;
  licenceExpiresOn: string;
  permitNumber: string;
  permitExpiresOn: string;
};

const draftOf = (p?: AdminProvider): Draft => ({
  name: p?.name ?? '',
  kind: p?.kind ?? 'restaurant',
  district: p?.district ?? '',
  address: p?.address ?? '',
  licenceNumber: p?.businessLicence.number ?? '',
  licenceExpiresOn: p?.businessLicence.expiresOn ?? '',
  permitNumber: p?.hygienePermit.number ?? '',
  permitExpiresOn: p?.hygienePermit.expiresOn ?? '',
});

const bodyOf = (d: Draft): ProviderInput => ({
  name: d.name,
  kind: d.kind,
  district: d.district,
  address: d.address,
  businessLicence: { number: d.licenceNumber, expiresOn: d.licenceExpiresOn },
  hygienePermit: { number: d.permitNumber, expiresOn: d.permitExpiresOn },
});

export interface ProfileFormProps {
  provider?: AdminProvider;
  districts: District[];
  /** Sends the checked profile (create or edit). */
  onSave: (body: ProviderInput) => Promise<Result<unknown> | undefined>;
  submitText: string;
  savedText: string;
}

export function ProfileForm({ provider, districts, onSave, submitText, savedText }: ProfileFormProps) {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = ProviderInput.safeParse(bodyOf(draft));
    if (!checked.success) {
      setErrors(zodErrors(t, checked.error));
      setNotice({ ok: false, text: t('form.fix') });
      return;
    }
    setSaving(true);
    const answer = await onSave(checked.data);
    setSaving(false);
    if (!answer) return;
    if (answer.ok) {
      setErrors({});
      setNotice({ ok: true, text: savedText });
      return;
    }
    const fields = serverErrors(t, answer);
    setErrors(fields ?? {});
    setNotice({ ok: false, text: fields ? t('form.fix') : errorText(appT, answer) });
  };

  return (
    <form className='admin-form admin-profile' onSubmit={(e) => void submit(e)} noValidate>
      <div className='admin-form__grid'>
        <Field name='name' label={t('provider.name')} errors={errors}>
          {(c) => <input {...c} className='admin-input' value={draft.name} onChange={set('name')} maxLength={80} />}
        </Field>
        <Field name='kind' label={t('provider.kind')} errors={errors}>
          {(c) => (
            <select {...c} className='admin-input' value={draft.kind} onChange={set('kind')}>
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
            <select {...c} className='admin-input' value={draft.district} onChange={set('district')}>
              <option value=''>—</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name='address' label={t('provider.address')} errors={errors} className='admin-form__wide'>
          {(c) => <input {...c} className='admin-input' value={draft.address} onChange={set('address')} maxLength={200} />}
        </Field>
      </div>
      <fieldset className='admin-form__group'>
        <legend>{t('provider.licence')}</legend>
        <Field name='businessLicence.number' label={`${t('provider.licence')} · ${t('provider.number')}`} errors={errors}>
          {(c) => <input {...c} className='admin-input' value={draft.licenceNumber} onChange={set('licenceNumber')} maxLength={64} />}
        </Field>
        <Field name='businessLicence.expiresOn' label={`${t('provider.licence')} · ${t('provider.expiresOn')}`} errors={errors}>
          {(c) => <input {...c} className='admin-input' type='date' value={draft.licenceExpiresOn} onChange={set('licenceExpiresOn')} />}
        </Field>
      </fieldset>
      <fieldset className='admin-form__group'>
        <legend>{t('provider.permit')}</legend>
        <Field name='hygienePermit.number' label={`${t('provider.permit')} · ${t('provider.number')}`} errors={errors}>
          {(c) => <input {...c} className='admin-input' value={draft.permitNumber} onChange={set('permitNumber')} maxLength={64} />}
        </Field>
        <Field name='hygienePermit.expiresOn' label={`${t('provider.permit')} · ${t('provider.expiresOn')}`} errors={errors}>
          {(c) => <input {...c} className='admin-input' type='date' value={draft.permitExpiresOn} onChange={set('permitExpiresOn')} />}
        </Field>
      </fieldset>
      <Notice notice={notice} />
      <div className='admin-form__actions'>
        <button type='submit' className='admin-btn admin-profile__save' disabled={saving}>
          {submitText}
        </button>
      </div>
    </form>
  );
}
