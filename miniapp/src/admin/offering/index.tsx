import Taro from '@tarojs/taro';
import { useState } from 'react';
import { OfferingContract, type AdminOffering, type OfferingKind, type PickupWindow } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { getProvider, putOffering } from '../api';
import { Field, TextField, type FieldErrors } from '../form';
import { useAdminText, type AdminKey } from '../i18n';
import { Notice, Restored } from '../notice';
import { usePageId } from '../page-ids';
import { useDraft } from '../drafts';
import { AdminShell } from '../shell';
import { recordNow, useAdminForm } from '../use-admin-form';

const weekdays = [1, 2, 3, 4, 5, 6, 7];
const ID = /^[A-Za-z0-9_-]{1,64}$/;

interface Draft {
  id: string;
  name: string;
  kind: OfferingKind;
  dailyQuota: string;
  weekdays: number[];
  windows: PickupWindow[];
  standard: string;
  /** What the admin types, in yuan; the contract stores fen. */
  yuan: string;
  active: boolean;
}

const draftOf = (o?: AdminOffering): Draft => ({
  id: o?.id ?? '',
  name: o?.name ?? '',
  kind: o?.kind ?? 'meal',
  dailyQuota: o ? String(o.dailyQuota) : '',
  weekdays: o?.weekdays ?? [1, 2, 3, 4, 5],
  windows: o?.windows ?? [{ id: 'lunch', start: '11:30', end: '13:30' }],
  standard: o?.standard ?? '',
  yuan: o ? (o.valueFen / 100).toFixed(2) : '',
  active: o?.active ?? true,
});

/** The contract as it is now, from a 409 that refused an edit made over someone else's change. */
const changedMeanwhile = (details: unknown) => recordNow<AdminOffering>(details, 'offering', 'updatedAt');

/** "12.5" → 1250 fen; undefined when it is not an amount with at most two decimals. */
export function yuanToFen(yuan: string): number | undefined {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(yuan);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

/** A whole number typed into a field (signed: the schema says "at least 0" for −5), or NaN (which it refuses as not an integer). */
const wholeNumber = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN);

function Editor({ providerId, offering }: { providerId: string; offering?: AdminOffering }) {
  const t = useAdminText();
  const { draft, setDraft, restored } = useDraft<Draft>(`offering:${providerId}:${offering?.id ?? 'new'}`, () => draftOf(offering));
  // Once saved, the id is fixed: the next save edits the same contract.
  const [isNew, setIsNew] = useState(!offering);
  // What the server holds, as a draft: while the form shows it, leaving discards nothing.
  const [stored, setStored] = useState(() => (offering ? JSON.stringify(draftOf(offering)) : null));
  // The version the form was opened (or last saved) at: an edit over someone else's change is refused.
  const [version, setVersion] = useState(offering?.updatedAt);
  const unsaved = JSON.stringify(draft) !== stored;
  const fen = yuanToFen(draft.yuan);
  const { errors, notice, saving, onSubmit } = useAdminForm({
    check: () =>
      OfferingContract.safeParse({
        name: draft.name,
        kind: draft.kind,
        dailyQuota: wholeNumber(draft.dailyQuota),
        weekdays: [...draft.weekdays].sort(),
        windows: draft.windows,
        standard: draft.standard,
        valueFen: fen ?? NaN,
        active: draft.active,
      }),
    // The amount is typed in yuan and the id travels in the path: the schema sees neither as typed.
    beside: () => {
      const found: FieldErrors = {};
      if (fen === undefined) found.valueFen = t('form.yuan');
      if (isNew && !ID.test(draft.id)) found.id = t(draft.id ? 'form.id' : 'form.required');
      return found;
    },
    send: async (body) => {
      const answer = await putOffering(providerId, draft.id, { ...body, ...(version ? { updatedAt: version } : {}) });
      const now = answer.ok ? null : changedMeanwhile(answer.details);
      // Changed since it was opened: the form shows it as it is now, to make the edit again on top.
      if (now) {
        setDraft(draftOf(now));
        setStored(JSON.stringify(draftOf(now)));
        setVersion(now.updatedAt);
      }
      return answer;
    },
    saved: ({ offering: o }) => {
      setIsNew(false);
      setStored(JSON.stringify(draft));
      setVersion(o.updatedAt);
      return t('offering.saved');
    },
    conflictAt: (details) => (changedMeanwhile(details) ? null : { id: t('form.offeringTaken') }),
    refusals: { CONFLICT: t('offering.conflict') },
    summarise: true,
  });

  const weekdaysError = usePageId('weekdays-error');
  const setWindow = (i: number, change: Partial<PickupWindow>) =>
    setDraft({ ...draft, windows: draft.windows.map((w, j) => (j === i ? { ...w, ...change } : w)) });

  return (
    <form className='admin-form admin-offering' onSubmit={onSubmit} noValidate>
      <Restored shown={restored} />
      <div className='admin-form__grid'>
        <TextField
          name='id'
          label={t('offering.id')}
          errors={errors}
          hint={t('offering.idHint')}
          input={{ readOnly: !isNew, maxLength: 64 }}
          value={draft.id}
          onChange={(id) => setDraft({ ...draft, id: id.trim() })}
        />
        <TextField name='name' label={t('offering.name')} errors={errors} input={{ maxLength: 60 }} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <Field name='kind' label={t('offering.kind')} errors={errors}>
          {(c) => (
            <select {...c} className='admin-input' value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as OfferingKind })}>
              <option value='meal'>{t('offering.meal')}</option>
              <option value='blind_box'>{t('offering.blindBox')}</option>
            </select>
          )}
        </Field>
        <TextField name='dailyQuota' label={t('offering.dailyQuota')} errors={errors} input={{ inputMode: 'numeric' }} value={draft.dailyQuota} onChange={(dailyQuota) => setDraft({ ...draft, dailyQuota })} />
        <TextField
          name='valueFen'
          label={t('offering.value')}
          errors={errors}
          hint={fen === undefined ? undefined : t('offering.valueHint', { fen })}
          input={{ inputMode: 'decimal' }}
          value={draft.yuan}
          onChange={(yuan) => setDraft({ ...draft, yuan })}
        />
        <TextField
          name='standard'
          label={t('offering.standard')}
          errors={errors}
          className='admin-form__wide'
          input={{ maxLength: 200 }}
          value={draft.standard}
          onChange={(standard) => setDraft({ ...draft, standard })}
        />
      </div>

      <fieldset className={`admin-form__group ${errors.weekdays ? 'admin-field--error' : ''}`} data-field='weekdays' aria-describedby={errors.weekdays ? weekdaysError : undefined}>
        <legend>{t('offering.weekdays')}</legend>
        <div className='admin-checks'>
          {weekdays.map((d) => (
            <label key={d} className='admin-check'>
              <input
                type='checkbox'
                checked={draft.weekdays.includes(d)}
                onChange={(e) => setDraft({ ...draft, weekdays: e.target.checked ? [...draft.weekdays, d] : draft.weekdays.filter((x) => x !== d) })}
              />
              {t(`weekday.${d}` as AdminKey)}
            </label>
          ))}
        </div>
        {errors.weekdays && (
          <span className='admin-field__error' id={weekdaysError} role='alert'>
            {errors.weekdays}
          </span>
        )}
      </fieldset>

      <fieldset className={`admin-form__group ${errors.windows ? 'admin-field--error' : ''}`} data-field='windows'>
        <legend>{t('offering.windows')}</legend>
        {draft.windows.map((w, i) => (
          <div key={i} className='admin-window' data-window={i}>
            <TextField name={`windows.${i}.id`} label={`${t('offering.windowId')} ${i + 1}`} errors={errors} short value={w.id} onChange={(id) => setWindow(i, { id: id.trim() })} />
            <TextField name={`windows.${i}.start`} label={t('offering.start')} errors={errors} short input={{ type: 'time' }} value={w.start} onChange={(start) => setWindow(i, { start })} />
            <TextField name={`windows.${i}.end`} label={t('offering.end')} errors={errors} short input={{ type: 'time' }} value={w.end} onChange={(end) => setWindow(i, { end })} />
            {draft.windows.length > 1 && (
              <button
                type='button'
                className='admin-btn admin-btn--ghost admin-window__remove'
                aria-label={`${t('offering.removeWindow')} ${i + 1}`}
                onClick={() => setDraft({ ...draft, windows: draft.windows.filter((_, j) => j !== i) })}
              >
                {t('offering.removeWindow')}
              </button>
            )}
          </div>
        ))}
        {errors.windows && (
          <span className='admin-field__error' role='alert'>
            {errors.windows}
          </span>
        )}
        {draft.windows.length < 6 && (
          <button
            type='button'
            className='admin-btn admin-btn--ghost admin-window__add'
            onClick={() => setDraft({ ...draft, windows: [...draft.windows, { id: `w${draft.windows.length + 1}`, start: '', end: '' }] })}
          >
            {t('offering.addWindow')}
          </button>
        )}
      </fieldset>

      <label className='admin-check admin-offering__active'>
        <input type='checkbox' checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
        {t('offering.active')}
      </label>

      <Notice notice={notice} />
      <div className='admin-form__actions'>
        <button type='submit' className='admin-btn admin-offering__save' disabled={saving}>
          {t('action.save')}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost admin-offering__leave' onClick={() => go.replace(routes.adminProvider(providerId))}>
          {t(unsaved ? 'action.cancel' : 'offering.backToProvider')}
        </button>
      </div>
    </form>
  );
}

export default function AdminOfferingPage() {
  const t = useAdminText();
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const providerId = params.provider ?? '';
  const offeringId = params.offering;
  const detail = useResource(() => getProvider(providerId), [providerId]);
  const provider = detail.data?.provider;
  return (
    <AdminShell area='providers' title={provider ? `${provider.name} · ${t('offering.title')}` : t('offering.title')}>
      <Resource state={detail.state} onRetry={() => void detail.reload()}>
        {(d) => <Editor key={offeringId ?? 'new'} providerId={providerId} offering={d.offerings.find((o) => o.id === offeringId)} />}
      </Resource>
    </AdminShell>
  );
}
