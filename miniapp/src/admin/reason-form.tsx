// A decision that must say why (rejecting an exchange, suspending a provider): the reason is asked
// for in the page, not in a dialog, so the row it is about stays in view (see inline-form.tsx).
import { useState } from 'react';
import type { z } from 'zod';
import type { Result } from '../services/request';
import { Field } from './form';
import type { NoticeState, Refusals } from './notice';
import { InlineForm } from './inline-form';
import { useAdminForm } from './use-admin-form';

export interface ReasonFormProps<B, R> {
  /** The section's own class (the tests find the form by it). */
  className: string;
  title: string;
  /** The field's name: its own, since another form on the page may have a `reason` too. */
  field: string;
  label: string;
  /** The longest answer the contract takes (200 characters unless said). */
  maxLength?: number;
  confirmText: string;
  confirmClassName: string;
  /** The contract's body for this reason; its problems are shown at the field. */
  check: (reason: string) => z.ZodSafeParseResult<B>;
  send: (body: B) => Promise<Result<R>>;
  /** What a success says. */
  saved: (data: R) => string;
  refusals?: Refusals;
  /** The page says how it went (a success closes the form). */
  onDone: (notice: NoticeState) => void;
  onClose: () => void;
}

export function ReasonForm<B, R>({ className, title, field, label, maxLength = 200, confirmText, confirmClassName, check, send, saved, refusals, onDone, onClose }: ReasonFormProps<B, R>) {
  const [reason, setReason] = useState('');
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => check(reason),
    send,
    saved,
    refusals,
    fieldOf: () => field,
    // Problems stay at the field; the page hears only how a sent decision went.
    onNotice: (notice) => {
      if (notice) onDone(notice);
    },
  });
  return (
    <InlineForm id={field} className={className} title={title} submitText={confirmText} submitClassName={confirmClassName} danger saving={saving} onSubmit={onSubmit} onClose={onClose}>
      <Field name={field} label={label} errors={errors} className='admin-form__wide'>
        {(c) => <input {...c} className='admin-input' maxLength={maxLength} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </InlineForm>
  );
}
