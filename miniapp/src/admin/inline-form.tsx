// A form opened in the page for one row (a reason, a part to reverse, a temporary password): a
// titled section with its fields, the action's button and 取消. It takes the focus on opening (its
// first field) and Esc closes it, as a dialog would.
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useAdminText } from './i18n';
import { Section } from './section';

export interface InlineFormProps {
  /** The section's heading id is `<id>-title`: unlike any field's name on the page. */
  id: string;
  /** The section's own class (the tests find the form by it). */
  className: string;
  title: string;
  submitText: string;
  submitClassName: string;
  /** A decision that takes something away (rejecting, reversing): the red button. */
  danger?: boolean;
  saving: boolean;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}

export function InlineForm({ id, className, title, submitText, submitClassName, danger = false, saving, onSubmit, onClose, children }: InlineFormProps) {
  const t = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('input:not([hidden]), select, textarea')?.focus(), []);
  return (
    <Section id={id} className={className} title={title}>
      <form ref={form} className='admin-form admin-form--inline' onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && onClose()} noValidate>
        {children}
        <button type='submit' className={`admin-btn ${danger ? 'admin-btn--danger ' : ''}${submitClassName}`} disabled={saving}>
          {submitText}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost' onClick={onClose}>
          {t('action.cancel')}
        </button>
      </form>
    </Section>
  );
}
