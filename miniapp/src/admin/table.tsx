// The desk's tables: real <table>s (readable by screen readers, sortable by eye), a row that opens
// its record by click or Enter, and the pager under them.
import type { ReactNode } from 'react';
import { Resource } from '../components/resource';
import { useAdminText } from './i18n';
import type { CursorPages } from './paging';

export interface Column<T> {
  key: string;
  title: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/** The last column: what can be done to the row, its buttons side by side (each names itself, so the column has no title). */
export function actionsColumn<T>(cell: (row: T) => ReactNode): Column<T> {
  return { key: 'actions', title: '', cell: (row) => <span className='admin-row-actions'>{cell(row)}</span> };
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Opens the row's record (click, or Enter on the focused row). */
  onOpen?: (row: T) => void;
  caption?: string;
  className?: string;
}

export function DataTable<T>({ columns, rows, rowKey, onOpen, caption, className }: DataTableProps<T>) {
  return (
    <table className={`admin-table ${className ?? ''}`}>
      {caption && <caption className='admin-table__caption'>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope='col' className={c.numeric ? 'num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            data-row={rowKey(row)}
            className={onOpen ? 'admin-table__row--open' : undefined}
            tabIndex={onOpen ? 0 : undefined}
            onClick={onOpen ? () => onOpen(row) : undefined}
            onKeyDown={
              onOpen
                ? (e) => {
                    if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
                    // Opening may move the focus into a form (e.g. the catalogue's item form): the same
                    // Enter must not then submit it.
                    e.preventDefault();
                    onOpen(row);
                  }
                : undefined
            }
          >
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : undefined} data-col={c.key}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pager({ list }: { list: Pick<CursorPages<unknown>, 'page' | 'nextPage' | 'prevPage'> }) {
  const t = useAdminText();
  if (!list.nextPage && !list.prevPage) return null;
  return (
    <div className='admin-pager' role='navigation'>
      <button type='button' className='admin-btn admin-btn--ghost admin-pager__prev' disabled={!list.prevPage} onClick={list.prevPage}>
        {t('list.prev')}
      </button>
      <span className='admin-pager__page'>{t('list.page', { n: list.page })}</span>
      <button type='button' className='admin-btn admin-btn--ghost admin-pager__next' disabled={!list.nextPage} onClick={list.nextPage}>
        {t('list.next')}
      </button>
    </div>
  );
}

/** A paged list's whole view: loading, error with retry, empty, or the table and its pager. */
export function PagedTable<T>({ list, emptyTitle, ...table }: Omit<DataTableProps<T>, 'rows'> & { list: CursorPages<T>; emptyTitle: string }) {
  return (
    <Resource state={list.state} onRetry={() => void list.reload()} isEmpty={(d) => d.items.length === 0 && d.next === null && list.page === 1} emptyTitle={emptyTitle}>
      {(data) => (
        <>
          <DataTable {...table} rows={data.items} />
          <Pager list={list} />
        </>
      )}
    </Resource>
  );
}
