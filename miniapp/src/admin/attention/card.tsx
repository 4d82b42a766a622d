// A Needs-attention card: its title, what it counts or shows, and a link to where the work is done.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Page } from '@contract';
import type { Result } from '../../services/request';
import { useAdminText } from '../i18n';
import { AdminLink } from '../link';
import { usePageId } from '../page-ids';

/** How many to count on a card before it says "50+". */
export const COUNT_UP_TO = 50;

export interface Tally {
  count: number;
  more: boolean;
}

export const tally = (answer: Result<Page<unknown>>): Result<Tally> => (answer.ok ? { ok: true, data: { count: answer.data.items.length, more: answer.data.next !== null } } : answer);

/**
 * Each counting card tells the page what it found, so a page of zeros says "all clear" once, at the
 * top, instead of leaving the reader to add seven zeros.
 */
export const Counted = createContext<(card: string, count: number) => void>(() => undefined);

export function useCounted(card: string, count: number | undefined): void {
  const report = useContext(Counted);
  useEffect(() => {
    if (count !== undefined) report(card, count);
  }, [report, card, count]);
}

/** `due`: the card counts something to do (its link says so); else it shows figures and its link opens them. */
export function Card({ id, title, url, due, children }: { id: string; title: string; url: string; due: boolean; children: ReactNode }) {
  const t = useAdminText();
  const titleId = usePageId(`card-${id}`);
  return (
    <section className='admin-card' data-card={id} aria-labelledby={titleId}>
      <h2 id={titleId} className='admin-card__title'>
        {title}
      </h2>
      <div className='admin-card__body'>{children}</div>
      <AdminLink className='admin-card__go' to={url}>
        {t(due ? 'attention.go' : 'attention.view')} →
      </AdminLink>
    </section>
  );
}

export function Count({ tally: c }: { tally: Tally }) {
  const t = useAdminText();
  if (c.count === 0) {
    return (
      <span className='admin-card__count admin-card__count--clear' data-count={0}>
        {t('attention.clear')}
      </span>
    );
  }
  return (
    <span className='admin-card__count admin-card__count--due' data-count={c.count}>
      {c.more ? t('list.more', { n: c.count }) : c.count}
    </span>
  );
}

