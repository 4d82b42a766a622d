// Form pieces for the desk: a labelled field with its error under it, and field errors from either
// side — the contract's own zod schema run here before sending, or the server's VALIDATION_FAILED
// details — keyed by the same dotted path (`windows.0.end`), so both land at the same field.
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { z } from 'zod';
import type { Failure } from '../services/request';
import { useAdminText, type AdminKey, type AdminT } from './i18n';
import { useFieldId } from './page-ids';

export type FieldErrors = Record<string, string>;

/** The contract's messages (client and server say the same), in the desk's words. */
const wording: Array<[RegExp, AdminKey]> = [
  [/end must be after start/, 'form.windowOrder'],
  [/must not overlap/, 'form.windowOverlap'],
  [/window ids must be unique/, 'form.windowIds'],
  [/at least 8 characters/, 'form.password'],
  [/not the code the authenticator app shows/, 'form.otpWrong'],
  [/6 digits/, 'form.otp'],
  [/an officer looks after/, 'form.officerDistricts'],
  [/current password is wrong/, 'profile.wrongCurrent'],
  [/lowercase letters/, 'form.username'],
  [/unknown sub-district/, 'form.district'],
  [/HH:MM/, 'form.time'],
  [/from must not be after to|must not be after/, 'impact.order'],
  [/letters, digits, _ or -/, 'form.id'],
  [/>=1 (characters|items)|expected string, received undefined|Required/i, 'form.required'],
  [/<=\d+ characters/, 'form.tooLong'],
  [/date/i, 'form.date'],
  [/expected number to be >=0$/, 'form.notNegative'],
  // A number out of range says the range's end ({n}), not "a whole number".
  [/expected number to be >=?(-?\d+)$/, 'form.atLeast'],
  [/expected number to be <=?(-?\d+)$/, 'form.atMost'],
  [/expected int|expected number|integer/i, 'form.number'],
];

function describeProblem(t: AdminT, message: string): string {
  for (const [pattern, key] of wording) {
    const m = pattern.exec(message);
    if (m) return t(key, { n: m[1] ?? '' });
  }
  return t('form.invalid');
}

/** The first problem of each field, by dotted path. */
function byField(t: AdminT, problems: Array<{ field: string; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) out[p.field] ??= describeProblem(t, p.message);
  return out;
}

export function zodErrors(t: AdminT, error: z.ZodError): FieldErrors {
  return byField(
    t,
    error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  );
}

/** The server's field problems (422 details), or null when the failure is not about fields. */
export function serverErrors(t: AdminT, failure: Failure): FieldErrors | null {
  if (failure.code !== 'VALIDATION_FAILED' || !Array.isArray(failure.details)) return null;
  const problems = (failure.details as unknown[]).filter(
    (d): d is { field: string; message: string } => typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string',
  );
  return byField(t, problems.map((p) => ({ field: p.field, message: String(p.message) })));
}

/** What a control inside a Field spreads onto itself (no id while its page waits hidden: page-ids.ts). */
export interface ControlProps {
  id: string | undefined;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

export interface FieldProps {
  /** The contract's dotted path (`businessLicence.number`): the key of its error. */
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control (drawn by `children` with the props it must carry), and its error or hint. */
export function Field({ name, label, errors, hint, className, children }: FieldProps) {
  const id = useFieldId(name);
  const error = errors[name];
  const more = id && (error ? `${id}-error` : hint ? `${id}-hint` : undefined);
  return (
    <div className={`admin-field ${error ? 'admin-field--error' : ''} ${className ?? ''}`} data-field={name}>
      <label className='admin-field__label' htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': more, 'aria-invalid': Boolean(error) })}
      {hint && !error && (
        <span className='admin-field__hint' id={id && `${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className='admin-field__error' id={id && `${id}-error`} role='alert'>
          {error}
        </span>
      )}
    </div>
  );
}

export interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  /** A narrow box, for a number or a code. */
  short?: boolean;
  /** What else the input carries (type, inputMode, maxLength, autoComplete, readOnly…). */
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>;
}

/** A Field whose control is one line of text. */
export function TextField({ value, onChange, short = false, input, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(c) => <input {...c} {...input} className={short ? 'admin-input admin-input--short' : 'admin-input'} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A password: filled by a password manager (`current`) or offered to it to save (`new`). */
export function PasswordField({ kind, ...field }: Omit<TextFieldProps, 'input' | 'short'> & { kind: 'current' | 'new' }) {
  return <TextField {...field} input={{ type: 'password', autoComplete: `${kind}-password` }} />;
}

export interface DateRange {
  from: string;
  to: string;
}

/** A range's two date fields, named `from` and `to` as the contract's queries name them (so the server's problems land there). */
export function DateRangeFields({ range, errors, onChange }: { range: DateRange; errors: FieldErrors; onChange: (part: Partial<DateRange>) => void }) {
  const t = useAdminText();
  return (
    <>
      <TextField name='from' label={t('impact.from')} errors={errors} input={{ type: 'date' }} value={range.from} onChange={(from) => onChange({ from })} />
      <TextField name='to' label={t('impact.to')} errors={errors} input={{ type: 'date' }} value={range.to} onChange={(to) => onChange({ to })} />
    </>
  );
}
