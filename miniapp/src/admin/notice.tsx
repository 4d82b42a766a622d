// The line under a desk action or form that says how it went: success politely (status), a
// refusal at once (alert).
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { useAdminText } from './i18n';
import { errorText } from '../i18n/errors';
import type { Failure, Result } from '../services/request';

/** What an action says when it is done (null: nothing to say). */
export type NoticeState = { ok: boolean; text: string } | null;

/** A page's own words for refusals it knows better than the general ones (a 409 that means "already done"). */
export type Refusals = Partial<Record<Failure['code'], string>>;

/** A success or failure line after an action; `className` names one the tests or styles pick out. */
export function Notice({ notice, className }: { notice: NoticeState; className?: string }) {
  if (!notice) return null;
  const kind = notice.ok ? 'admin-notice admin-notice--ok' : 'admin-notice admin-notice--error';
  return (
    <p className={className ? `${kind} ${className}` : kind} role={notice.ok ? 'status' : 'alert'}>
      {notice.text}
    </p>
  );
}

/** Words for an answer: `done` for a success, else the page's own words for the code or the general sentence. */
export function useNoticeOf() {
  const { t } = useI18n();
  // New with each language, so a callback that lists it speaks the current one.
  return useCallback(
    <R,>(answer: Result<R>, done: (data: R) => string, refusals: Refusals = {}): NoticeState =>
      answer.ok ? { ok: true, text: done(answer.data) } : { ok: false, text: refusals[answer.code] ?? errorText(t, answer) },
    [t],
  );
}

/** Atop a form that opened with the draft an expired session kept (drafts.ts). */
export function Restored({ shown }: { shown: boolean }) {
  const t = useAdminText();
  return shown ? <Notice notice={{ ok: true, text: t('form.restored') }} className='admin-restored' /> : null;
}
