// The desk's frame: navigation on the left (a row on top on a narrow tablet), the page's title,
// the language switch, who is signed in (a link to their own page) and sign-out. Every admin page
// renders inside it.
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AdminEndpointName } from '@contract';
import { LangSwitch } from '../components/lang-switch';
import { go, routes } from '../routes';
import { useCan } from './can';
import { useAdminText, type AdminKey } from './i18n';
import { AdminLink } from './link';
import { PageShown } from './page-ids';
import { adminIdentity, signOutAdmin, useAdminGuard } from './session';
import './admin.css';

export type AdminArea = 'attention' | 'providers' | 'verifications' | 'reports' | 'catalogue' | 'points' | 'leaderboards' | 'impact' | 'audit' | 'accounts' | 'profile';

/** The menu; `route` is the page's main call: a role that may not use it does not see the entry. */
const areas: Array<{ area: AdminArea; url: () => string; route: AdminEndpointName }> = [
  { area: 'attention', url: routes.adminAttention, route: 'adminIntegrity' },
  { area: 'providers', url: () => routes.adminProviders(), route: 'adminListProviders' },
  { area: 'verifications', url: () => routes.adminVerifications(), route: 'listVerifications' },
  { area: 'reports', url: () => routes.adminReports(), route: 'adminSafetyReports' },
  { area: 'catalogue', url: () => routes.adminCatalogue(), route: 'adminCatalog' },
  { area: 'points', url: () => routes.adminPoints(), route: 'adminProviderPoints' },
  { area: 'leaderboards', url: routes.adminLeaderboards, route: 'previewLeaderboard' },
  { area: 'impact', url: routes.adminImpact, route: 'adminStats' },
  { area: 'audit', url: () => routes.adminAudit(), route: 'listAudit' },
  { area: 'accounts', url: routes.adminAccounts, route: 'listAdminAccounts' },
];

/**
 * The app's stylesheets are written for a 375-wide phone and scaled through the root font size,
 * which Taro sets from the window (40 px on a desktop: everything twice as big). The desk is a
 * desktop page: while it is shown the root stays at 20 px, where 1 design px is 1 CSS px, so the
 * shared components (status views, dialogs) keep their drawn size here too.
 */
export function useDesktopScale(): void {
  useEffect(() => {
    const root = document.documentElement;
    const hold = () => {
      if (root.style.fontSize !== '20px') root.style.fontSize = '20px';
    };
    // Taro's script sets the root size on every resize (and again 500 ms later): answer each change.
    const watch = new MutationObserver(hold);
    watch.observe(root, { attributes: true, attributeFilter: ['style'] });
    hold();
    return () => {
      watch.disconnect();
      // Hand the page back to Taro's scaling (it recomputes on resize).
      window.dispatchEvent(new Event('resize'));
    };
  }, []);
}

export interface AdminShellProps {
  area: AdminArea;
  title: string;
  /** Buttons beside the title (e.g. "New provider"). */
  actions?: ReactNode;
  children?: ReactNode;
}

export function AdminShell({ area, title, actions, children }: AdminShellProps) {
  const t = useAdminText();
  const allowed = useAdminGuard();
  const can = useCan();
  const who = adminIdentity();
  const heading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  useDesktopScale();
  // A page opened (from the menu, a link or Back) starts reading at its title, not at the top of the
  // document eleven Tabs away from the first field; a screen reader announces where it landed.
  useEffect(() => {
    if (allowed && shown) heading.current?.focus({ preventScroll: true });
  }, [allowed, shown]);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  if (!allowed) return <div className='admin' />;
  return (
    <div className='admin'>
      <a
        className='admin__skip'
        href='#admin-main'
        onClick={(e) => {
          e.preventDefault();
          heading.current?.focus();
        }}
      >
        {t('shell.skip')}
      </a>
      <nav className='admin__nav' aria-label={t('nav.label')}>
        <div className='admin__brand'>{t('app.name')}</div>
        <ul className='admin__menu'>
          {areas.filter(({ route }) => can(route)).map(({ area: a, url }) => (
            <li key={a}>
              <a
                className={a === area ? 'admin__link admin__link--on' : 'admin__link'}
                href={`#${url()}`}
                aria-current={a === area ? 'page' : undefined}
                data-area={a}
                onClick={(e) => {
                  e.preventDefault();
                  // Pushed, not replaced: browser Back returns to the page the menu was used on.
                  go.to(url());
                }}
              >
                {t(`nav.${a}` as AdminKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className='admin__main' id={shown ? 'admin-main' : undefined}>
        <header className='admin__header'>
          <h1 className='admin__title' ref={heading} tabIndex={-1}>
            {title}
          </h1>
          <div className='admin__tools'>
            {actions}
            <LangSwitch className='admin__lang' />
            {who && (
              <AdminLink className='admin__who' to={routes.adminProfile()}>
                {t('shell.who', { name: who.name, role: t(`role.${who.role}`) })}
              </AdminLink>
            )}
            <button type='button' className='admin-btn admin-btn--ghost admin__signout' onClick={() => signOutAdmin()}>
              {t('signout')}
            </button>
          </div>
        </header>
        <div className='admin__body'>
          <PageShown.Provider value={shown}>{children}</PageShown.Provider>
        </div>
      </main>
    </div>
  );
}
