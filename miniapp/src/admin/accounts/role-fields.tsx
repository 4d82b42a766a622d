// The role select and, for an officer, the sub-districts they look after: shared by the new
// account form and the change of role.
import { AdminRole, type District } from '@contract';
import { Field, type FieldErrors } from '../form';
import { useFieldId } from '../page-ids';
import { useAdminText } from '../i18n';
import { useDistrictLabel } from '../labels';

export const roles = AdminRole.options;

export function RoleSelect({ name, label, value, errors, onChange }: { name: string; label: string; value: AdminRole; errors: FieldErrors; onChange: (role: AdminRole) => void }) {
  const t = useAdminText();
  return (
    <Field name={name} label={label} errors={errors}>
      {(c) => (
        <select {...c} className='admin-input' value={value} onChange={(e) => onChange(AdminRole.parse(e.target.value))}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One checkbox per sub-district; the error (none chosen for an officer) under the group. */
export function DistrictChecks({ name, districts, chosen, errors, onChange }: { name: string; districts: District[]; chosen: string[]; errors: FieldErrors; onChange: (ids: string[]) => void }) {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const id = useFieldId(name);
  const error = errors[name];
  const toggle = (d: string, on: boolean) => onChange(on ? [...chosen, d] : chosen.filter((x) => x !== d));
  return (
    <fieldset className='admin-checks admin-form__wide' data-field={name} aria-describedby={error && id ? `${id}-error` : undefined}>
      <legend className='admin-field__label'>{t('accounts.districts')}</legend>
      {districts.map((d) => (
        <label key={d.id}>
          <input type='checkbox' name={name} value={d.id} checked={chosen.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
          {districtLabel(d)}
        </label>
      ))}
      {error && (
        <span className='admin-field__error' id={id && `${id}-error`} role='alert'>
          {error}
        </span>
      )}
    </fieldset>
  );
}
