// One submit for the desk's forms: the body is checked with the contract's own schema before
// anything is sent; then a success is said in the notice, the server's field problems (422
// VALIDATION_FAILED) and a conflict about one field (409) are marked at their fields, and any other
// refusal is said in the notice. An expired session (401) is not said: api.ts's signedIn has
// already sent the desk back to its sign-in page.
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Result } from '../services/request';
import { serverErrors, zodErrors, type FieldErrors } from './form';
import { useAdminText } from './i18n';
import { useNoticeOf, type NoticeState, type Refusals } from './notice';

/**
 * The record as it is now, from a 409 that refused an edit made over someone else's change: the
 * server sends it in `details[key]` (`item`, `offering`, `provider`); `marker` is a field every
 * such record has (its version), so anything else in the details is not taken for it.
 */
export function recordNow<T extends object>(details: unknown, key: string, marker: keyof T & string): T | null {
  const value = typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === 'object' && value !== null && marker in value ? (value as T) : null;
}

export interface AdminFormOptions<B, R> {
  /** The body as the contract's schema parses it. */
  check: () => z.ZodSafeParseResult<B>;
  /** Problems the schema cannot see (an id sent in the path, an amount typed in yuan); they win over its own. */
  beside?: () => FieldErrors;
  send: (body: B) => Promise<Result<R>>;
  /** What a success says; the place to clear the draft or reload what the form changed. */
  saved: (data: R) => string;
  /**
   * A conflict (409) about one field — a username or id taken — said at that field; a function
   * tells it from the record's other conflicts by the details (null: said in the notice).
   */
  conflictAt?: FieldErrors | ((details: unknown) => FieldErrors | null);
  refusals?: Refusals;
  /** Field problems are summed up in the notice too: on a long form a marked field may be out of view. */
  summarise?: boolean;
  /** Where a problem at the contract's dotted path is shown, when the form names its field otherwise. */
  fieldOf?: (path: string) => string;
  /** The page shows the notices (the form may close on success): each goes there, not to `notice`. */
  onNotice?: (notice: NoticeState) => void;
  /**
   * A step between a valid body and sending it: the page asks (a dialog naming what will happen)
   * and calls `go` to send, or never does.
   */
  confirm?: (body: B, go: () => void) => void;
}

export interface AdminForm {
  errors: FieldErrors;
  notice: NoticeState;
  saving: boolean;
  onSubmit: (event: FormEvent) => void;
  /** Says something from outside the submit (a row's action on the same section). */
  say: (notice: NoticeState) => void;
  /** Nothing marked, nothing said: another item is opened in the form. */
  reset: () => void;
}

export function useAdminForm<B, R>(options: AdminFormOptions<B, R>): AdminForm {
  const { check, beside, send, saved, conflictAt, refusals, summarise = false, fieldOf, onNotice, confirm } = options;
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const [saving, setSaving] = useState(false);
  const say = onNotice ?? setNotice;

  const mark = (found: FieldErrors) => {
    const shown: FieldErrors = {};
    for (const [path, problem] of Object.entries(found)) shown[fieldOf ? fieldOf(path) : path] ??= problem;
    setErrors(shown);
    say(summarise ? { ok: false, text: t('form.fix') } : null);
  };

  const answered = (answer: Result<R>) => {
    if (!answer.ok) {
      if (answer.code === 'UNAUTHENTICATED') return;
      const atField = typeof conflictAt === 'function' ? conflictAt(answer.details) : conflictAt;
      const fields = answer.code === 'CONFLICT' && atField ? atField : serverErrors(t, answer);
      if (fields) return mark(fields);
    }
    setErrors({});
    say(noticeOf(answer, saved, refusals));
  };

  const submit = async () => {
    const checked = check();
    const found: FieldErrors = { ...(checked.success ? {} : zodErrors(t, checked.error)), ...beside?.() };
    if (!checked.success || Object.keys(found).length > 0) return mark(found);
    const sendChecked = async () => {
      setSaving(true);
      const answer = await send(checked.data);
      setSaving(false);
      answered(answer);
    };
    if (confirm) confirm(checked.data, () => void sendChecked());
    else await sendChecked();
  };

  return {
    errors,
    notice,
    saving,
    onSubmit: (event) => {
      event.preventDefault();
      void submit();
    },
    say,
    reset: () => {
      setErrors({});
      say(null);
    },
  };
}

