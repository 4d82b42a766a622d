// The desk's tab rows (a list's status, a board's period, a grouping): one of a few values is shown.
// Each tab carries its value as a data attribute named for what it picks (`data-status="APPROVED"`),
// which is how the pages' tests and styles find a tab without depending on its language.
import { useAdminText, type AdminKey } from './i18n';

export interface TabsProps<V extends string, P extends string> {
  /** What the row picks, for screen readers. */
  label: string;
  values: readonly V[];
  selected: V;
  /** The data attribute's name: `status` gives each tab `data-status`. */
  attribute: string;
  /** Where the tabs' words are: value `v` reads `${textKey}.${v}`, which must be a key for every value. */
  textKey: P & (`${P}.${V}` extends AdminKey ? unknown : never);
  onSelect: (value: V) => void;
}

export function Tabs<V extends string, P extends string>({ label, values, selected, attribute, textKey, onSelect }: TabsProps<V, P>) {
  const t = useAdminText();
  return (
    <div className='admin-tabs' role='tablist' aria-label={label}>
      {values.map((v) => (
        <button
          key={v}
          type='button'
          role='tab'
          aria-selected={v === selected}
          className={v === selected ? 'admin-tab admin-tab--on' : 'admin-tab'}
          {...{ [`data-${attribute}`]: v }}
          onClick={() => onSelect(v)}
        >
          {t(`${textKey}.${v}` as AdminKey)}
        </button>
      ))}
    </div>
  );
}
