// The desk's frame: navigation on the left (a row on top on a narrow tablet), the page's title,
// the language switch and sign-out. Every admin page renders inside it.
import { useEffect, type ReactNode } from 'react';
import { LangSwitch } from '../components/lang-switch';
import { go, routes } from '../routes';
import { useAdminText, type AdminKey } from './i18n';
import { adminName, signOutAdmin, useAdminGuard } from './session';
import './admin.css';

export type AdminArea = 'attention' | 'providers' | 'verifications' | 'catalogue' | 'points' | 'leaderboards' | 'impact' | 'audit';

const areas: Array<{ area: AdminArea; url: () => string }> = [
  { area: 'attention', url: routes.adminAttention },
  { area: 'providers', url: () => routes.adminProviders() },
  { area: 'verifications', url: () => routes.adminVerifications() },
  { area: 'catalogue', url: () => routes.adminCatalogue() },
  { area: 'points', url: () => routes.adminPoints() },
  { area: 'leaderboards', url: routes.adminLeaderboards },
  { area: 'impact', url: routes.adminImpact },
  { area: 'audit', url: () => routes.adminAudit() },
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
  useDesktopScale();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  if (!allowed) return <div className='admin' />;
  return (
    <div className='admin'>
      <nav className='admin__nav' aria-label={t('nav.label')}>
        <div className='admin__brand'>{t('app.name')}</div>
        <ul className='admin__menu'>
          {areas.map(({ area: a, url }) => (
            <li key={a}>
              <a
                className={a === area ? 'admin__link admin__link--on' : 'admin__link'}
                href={`#${url()}`}
                aria-current={a === area ? 'page' : undefined}
                data-area={a}
                onClick={(e) => {
                  e.preventDefault();
                  go.replace(url());
                }}
              >
                {t(`nav.${a}` as AdminKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className='admin__main'>
        <header className='admin__header'>
          <h1 className='admin__title'>{title}</h1>
          <div className='admin__tools'>
            {actions}
            <LangSwitch className='admin__lang' />
            <span className='admin__who'>{adminName()}</span>
            <button type='button' className='admin-btn admin-btn--ghost admin__signout' onClick={signOutAdmin}>
              {t('signout')}
            </button>
          </div>
        </header>
        <div className='admin__body'>{children}</div>
      </main>
    </div>
  );
}
