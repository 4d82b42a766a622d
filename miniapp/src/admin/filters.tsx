// A list's filters: the search box (with whatever other filters the list has beside it), and the
// query the set ones make.
import { useState, type ReactNode } from 'react';
import { useAdminText } from './i18n';

/**
 * The filters that are set. An empty one is left out (of the query, and of a page URL), not sent as
 * '' for the contract to refuse.
 */
export function filled<F extends { [K in keyof F]: string }>(filters: F): { [K in keyof F]?: Exclude<F[K], ''> } {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) as { [K in keyof F]?: Exclude<F[K], ''> };
}

export interface SearchFiltersProps {
  /** The box's label and placeholder. */
  label: string;
  /** The search already applied (e.g. from the page URL). */
  initial?: string;
  /** The trimmed search, on Enter or the button. */
  onSearch: (q: string) => void;
  /** The list's other filters: they apply as they change, the search only when sent. */
  children?: ReactNode;
}

export function SearchFilters({ label, initial = '', onSearch, children }: SearchFiltersProps) {
  const t = useAdminText();
  const [search, setSearch] = useState(initial);
  return (
    <form
      className='admin-filters'
      role='search'
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(search.trim());
      }}
    >
      <input className='admin-input admin-filters__q' type='search' aria-label={label} placeholder={label} value={search} onChange={(e) => setSearch(e.target.value)} />
      {children}
      <button type='submit' className='admin-btn admin-btn--ghost'>
        {t('action.search')}
      </button>
    </form>
  );
}

export interface FilterSelectProps<V extends string> {
  /** Names its class (`admin-filters__status`). */
  name: string;
  label: string;
  /** The first choice, '' as its value: no filter. */
  all: string;
  value: V | '';
  options: readonly { value: V; text: string }[];
  onChange: (value: V | '') => void;
}

/** One of a list's other filters: applied as soon as it is chosen. */
export function FilterSelect<V extends string>({ name, label, all, value, options, onChange }: FilterSelectProps<V>) {
  return (
    <select className={`admin-input admin-filters__${name}`} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
      <option value=''>{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  );
}
