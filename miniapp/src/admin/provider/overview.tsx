// A provider at a glance, at the top of its own page: what it served today, its points, the
// exchanges it waits for and its integrity signals, each linked to the page where it is handled,
// with the way to its history; and the thank-you notes it was sent (an officer hides an improper one).
import type { AdminThanksNote } from '@contract';
import { useState } from 'react';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { routes } from '../../routes';
import { adminStats, hideThanks, integritySignals, listProviderExchanges, listProviderThanks, providerPoints } from '../api';
import { useCan, type Can } from '../can';
import { useAdminText } from '../i18n';
import { flagsText, shanghaiTime, today } from '../labels';
import { AdminLink } from '../link';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { Section } from '../section';
import { actionsColumn, PagedTable } from '../table';

interface Glance {
  servedToday?: number;
  points?: { balance: number; pending: number };
  exchangesWaiting?: { count: number; more: boolean };
  integrity?: { flags: Parameters<typeof flagsText>[1]; held: boolean };
}

/** What the role may read, read at once; a figure it may not read is left out, not shown as 0. */
async function glanceAt(providerId: string, day: string, can: Can): Promise<{ ok: true; data: Glance } | Exclude<Awaited<ReturnType<typeof providerPoints>>, { ok: true }>> {
  const [stats, points, exchanges, integrity] = await Promise.all([
    can('adminStats') ? adminStats({ from: day, to: day, by: 'provider' }) : null,
    can('adminProviderPoints') ? providerPoints(providerId) : null,
    can('adminExchanges') ? listProviderExchanges(providerId) : null,
    can('adminIntegrity') ? integritySignals({ providerId }) : null,
  ]);
  const failed = [stats, points, exchanges, integrity].find((a) => a && !a.ok);
  if (failed && !failed.ok) return failed;
  const glance: Glance = {};
  if (stats?.ok) glance.servedToday = stats.data.rows.find((r) => r.key === providerId)?.personTimes ?? 0;
  if (points?.ok) glance.points = { balance: points.data.balance, pending: points.data.pending };
  if (exchanges?.ok) glance.exchangesWaiting = { count: exchanges.data.items.length, more: exchanges.data.next !== null };
  if (integrity?.ok) {
    const mine = integrity.data.providers.find((p) => p.providerId === providerId);
    glance.integrity = { flags: mine?.flags ?? [], held: mine?.held ?? false };
  }
  return { ok: true, data: glance };
}

export function Overview({ providerId }: { providerId: string }) {
  const t = useAdminText();
  const can = useCan();
  const day = today();
  const glance = useResource(() => glanceAt(providerId, day, can), [providerId, day, can], { onShow: true });
  return (
    <Section id='glance' className='admin-glance' title={t('glance.title')} action={can('listAudit') && <AdminLink to={routes.adminAudit({ provider: providerId })}>{t('glance.history')}</AdminLink>}>
      <Resource state={glance.state} onRetry={() => void glance.reload()}>
        {(g) => (
          <dl className='admin-glance__figures'>
            {g.servedToday !== undefined && (
              <div data-glance='today'>
                <dt>{t('glance.today')}</dt>
                <dd className='admin-glance__value'>{g.servedToday}</dd>
                <dd className='admin-glance__go'>
                  <AdminLink to={routes.adminImpact()}>{t('glance.impact')}</AdminLink>
                </dd>
              </div>
            )}
            {g.points && (
              <div data-glance='points'>
                <dt>{t('glance.points')}</dt>
                <dd className='admin-glance__value'>{t('glance.pointsValue', { balance: g.points.balance, pending: g.points.pending })}</dd>
                <dd className='admin-glance__go'>
                  <AdminLink to={routes.adminPoints(providerId)}>{t('glance.ledger')}</AdminLink>
                </dd>
              </div>
            )}
            {g.exchangesWaiting && (
              <div data-glance='exchanges'>
                <dt>{t('glance.exchanges')}</dt>
                <dd className='admin-glance__value'>{g.exchangesWaiting.more ? t('list.more', { n: g.exchangesWaiting.count }) : g.exchangesWaiting.count}</dd>
                <dd className='admin-glance__go'>
                  <AdminLink to={routes.adminCatalogue('PENDING')}>{t('glance.exchangesOpen')}</AdminLink>
                </dd>
              </div>
            )}
            {g.integrity && (
              <div data-glance='integrity'>
                <dt>{t('glance.integrity')}</dt>
                <dd className={g.integrity.flags.length > 0 || g.integrity.held ? 'admin-glance__value admin-late' : 'admin-glance__value'}>
                  {g.integrity.flags.length > 0 ? flagsText(t, g.integrity.flags) : t('glance.noSignals')}
                  {g.integrity.held && ` · ${t('attention.held')}`}
                </dd>
                <dd className='admin-glance__go'>
                  <AdminLink to={routes.adminPoints(providerId)}>{t('glance.ledger')}</AdminLink>
                </dd>
              </div>
            )}
          </dl>
        )}
      </Resource>
    </Section>
  );
}

/** The notes its recipients sent, newest first (no sender is ever shown: the API holds none); a hidden one leaves the list. */
export function ThanksSection({ providerId }: { providerId: string }) {
  const t = useAdminText();
  const can = useCan();
  const noticeOf = useNoticeOf();
  const [notice, setNotice] = useState<NoticeState>(null);
  const list = useCursorPages((cursor) => listProviderThanks(providerId, { limit: PAGE_SIZE, cursor }), [providerId]);
  const hide = async (note: AdminThanksNote) => {
    setNotice(noticeOf(await hideThanks(note.id), () => t('thanks.hidden')));
    void list.reload(true);
  };
  return (
    <Section id='thanks' className='admin-thanks' title={t('thanks.title')}>
      <PagedTable
        list={list}
        columns={[
          { key: 'at', title: t('thanks.at'), cell: (n) => shanghaiTime(n.at) },
          { key: 'note', title: t('thanks.note'), cell: (n) => n.note || t('thanks.likeOnly') },
          ...(can('hideThanks')
            ? [
                actionsColumn<AdminThanksNote>(
                  (n) =>
                    n.note && (
                      <button type='button' className='admin-btn admin-btn--ghost admin-thanks__hide' onClick={() => void hide(n)}>
                        {t('thanks.hide')}
                      </button>
                    ),
                ),
              ]
            : []),
        ]}
        rowKey={(n) => n.id}
        emptyTitle={t('thanks.empty')}
      />
      <Notice notice={notice} />
    </Section>
  );
}
