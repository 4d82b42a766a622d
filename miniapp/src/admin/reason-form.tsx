// A decision that must say why (rejecting an exchange, reversing a credit): the reason is asked for
// in the page, not in a dialog, so the row it is about stays in view. It takes the focus on opening
// and Esc closes it, as a dialog would.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { Field, zodErrors, type FieldErrors, type NoticeState } from './form';
import { useAdminText } from './i18n';

export interface ReasonFormProps<B> {
  /** The section's own class (the tests find the form by it). */
  className: string;
  title: string;
  /** The field's name: its own, since another form on the page may have a `reason` too. */
  field: string;
  label: string;
  confirmText: string;
  confirmClassName: string;
  /** The contract's body for this reason; its `reason` problem is shown at the field. */
  check: (reason: string) => z.ZodSafeParseResult<B>;
  /** Sends the checked body and says how it went. */
  send: (body: B) => Promise<NoticeState>;
  onDone: (notice: NoticeState) => void;
  onClose: () => void;
}

export function ReasonForm<B>({ className, title, field, label, confirmText, confirmClassName, check, send, onDone, onClose }: ReasonFormProps<B>) {
  const t = useAdminText();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(reason);
    if (!checked.success) return setErrors({ [field]: zodErrors(t, checked.error).reason ?? t('form.invalid') });
    setSaving(true);
    const notice = await send(checked.data);
    setSaving(false);
    onDone(notice);
  };
  return (
    <section className={`admin-section ${className}`} aria-labelledby={`${field}-title`}>
      <h2 id={`${field}-title`} className='admin-section__title'>
        {title}
      </h2>
      <form className='admin-form admin-form--inline' onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} noValidate>
        <Field name={field} label={label} errors={errors} className='admin-form__wide'>
          {(c) => <input {...c} ref={input} className='admin-input' maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type='submit' className={`admin-btn admin-btn--danger ${confirmClassName}`} disabled={saving}>
          {confirmText}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost' onClick={onClose}>
          {t('action.cancel')}
        </button>
      </form>
    </section>
  );
}
