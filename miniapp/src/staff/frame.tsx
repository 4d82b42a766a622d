// The frame of every staff page: the title row, the tab row, the footer with the signed-in name and
// sign-out, and the page's loaded data in the staff wording.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Pressable } from '../components/pressable';
import { Resource, type ResourceProps } from '../components/resource';
import { TopBar } from '../components/top-bar';
import type { Resource as Loaded } from '../hooks/use-resource';
import { useI18n, useTitle } from '../i18n';
import { go, routes } from '../routes';
import { readString, StorageKey } from '../services/storage';
import { signOut, useStaffGuard } from './shared';
import './frame.css';

const tabRoutes = { scan: routes.staffScan, today: routes.staffToday, poster: routes.staffPoster, points: routes.staffPoints, thanks: routes.staffThanks } as const;
type Tab = keyof typeof tabRoutes;

const tabs: Tab[] = ['scan', 'today', 'poster', 'points', 'thanks'];

const pathOf = (route: string | undefined) => (route ?? '').split('?')[0]!.replace(/^\//, '');

/** Back to the tab's page when it is the one below this (it opened this one), else that page in place of this one. */
function upTo(url: string): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1 && pathOf(pages[pages.length - 2]?.route) === pathOf(url)) go.back();
  else go.replace(url);
}

/** The tab row. `below`: this page lies under the current tab (the catalogue under points), so that tab leads back up. */
function StaffNav({ current, below = false }: { current: Tab; below?: boolean }) {
  const { t } = useI18n();
  return (
    <View className='staff-nav' ariaRole='navigation'>
      {tabs.map((tab) => (
        <Pressable
          key={tab}
          className={tab === current ? 'staff-nav__tab staff-nav__tab--on' : 'staff-nav__tab'}
          role='link'
          current={tab === current}
          data={{ tab }}
          onPress={() => {
            if (tab !== current) go.replace(tabRoutes[tab]());
            // Up to the tab's page: it is the one below when this page was opened from it.
            else if (below) upTo(tabRoutes[tab]());
          }}
        >
          {t(`staff.menu.${tab}`)}
        </Pressable>
      ))}
    </View>
  );
}

function StaffFooter() {
  const { t } = useI18n();
  const name = readString(StorageKey.staffName);
  return (
    <View className='staff-footer'>
      {name && <View className='muted'>{name}</View>}
      <Pressable className='link staff-signout' onPress={signOut}>
        {t('staff.signout')}
      </Pressable>
    </View>
  );
}

/**
 * `name` gives the page its class (`staff-<name>`, which its styles and the tests find) and its
 * title (`staff.<name>.title`). A page `under` a tab is opened from that tab's page: it has a back
 * button, and the tab leads back up.
 */
export type StaffPageProps = ({ name: Tab; under?: undefined } | { name: 'catalog' | 'exchanges'; under: Tab }) & {
  /** Said after the title (today's date). */
  detail?: string;
  children: ReactNode;
};

/** A staff page in its frame; a signed-out visitor is sent to sign in instead. */
export function StaffPage(props: StaffPageProps) {
  const { name, detail, children } = props;
  const { t } = useI18n();
  const allowed = useStaffGuard();
  useTitle(`staff.${name}.title`);
  if (!allowed) return <View className='page' />;
  const title = t(`staff.${name}.title`);
  const below = props.under !== undefined;
  return (
    <View className={`page staff-${name}`} ariaRole='main'>
      <TopBar title={detail ? `${title} ${detail}` : title} back={below} />
      <StaffNav current={props.under === undefined ? props.name : props.under} below={below} />
      {children}
      <StaffFooter />
    </View>
  );
}

/** A staff page's loaded data: loading, a failure in the staff wording with a retry, nothing to show, or the data. */
export function StaffResource<T>({ of, ...shown }: { of: Loaded<T> } & Omit<ResourceProps<T>, 'state' | 'onRetry' | 'errorContext'>) {
  return <Resource state={of.state} onRetry={() => void of.reload()} errorContext='staff' {...shown} />;
}
