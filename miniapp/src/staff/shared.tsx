// What every staff page shares: the sign-in guard, the tab row, and the staff wording of errors.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, type DependencyList } from 'react';
import { useResource, type ResourceInit } from '../hooks/use-resource';
import { Pressable } from '../components/pressable';
import { useI18n } from '../i18n';
import { errorText, type ErrorContext } from '../i18n/errors';
import { go, routes } from '../routes';
import type { Failure, Result } from '../services/api';
import { staffSignedIn } from '../services/staff-session';
import { readString, remove, StorageKey, writeString } from '../services/storage';
import './shared.css';

const tabRoutes = { scan: routes.staffScan, today: routes.staffToday, poster: routes.staffPoster, points: routes.staffPoints, thanks: routes.staffThanks } as const;
type Tab = keyof typeof tabRoutes;

export const signedIn = staffSignedIn;

export function signOut(): void {
  remove(StorageKey.staffToken);
  remove(StorageKey.staffName);
  go.restart(routes.staffSignIn());
}

/** Sends a signed-out visitor to the sign-in page. */
export function useStaffGuard(): boolean {
  const ok = signedIn();
  useEffect(() => {
    if (!ok) go.replace(routes.staffSignIn());
  }, [ok]);
  return ok;
}

/** The session ran out: back to sign-in, which says so; digits already typed are kept for after. */
export function expireStaffSession(typedCode = ''): void {
  remove(StorageKey.staffToken);
  if (typedCode) writeString(StorageKey.staffPendingCode, typedCode);
  go.replace(routes.staffSignIn(true));
}

function expired(failure: Failure): void {
  if (failure.code === 'UNAUTHENTICATED') expireStaffSession();
}

/** A staff page's data: loaded once signed in; an expired session goes back to sign-in. */
export function useStaffResource<T>(load: () => Promise<Result<T>>, deps: DependencyList, options: ResourceInit<T> = {}) {
  const allowed = signedIn();
  return useResource(
    async () => {
      const answer = await load();
      if (!answer.ok) expired(answer);
      return answer;
    },
    deps,
    { ...options, enabled: allowed && (options.enabled ?? true) },
  );
}

/** The failure's sentence; an expired session goes back to sign-in. */
export function useStaffError() {
  const { t } = useI18n();
  // New with each language, so a callback that lists it speaks the current one.
  return useCallback(
    (failure: Failure, context: ErrorContext = 'staff'): string => {
      expired(failure);
      return errorText(t, failure, context);
    },
    [t],
  );
}

const tabs: Tab[] = ['scan', 'today', 'poster', 'points', 'thanks'];

const pathOf = (route: string | undefined) => (route ?? '').split('?')[0]!.replace(/^\//, '');

/** Back to the tab's page when it is the one below this (it opened this one), else that page in place of this one. */
function upTo(url: string): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1 && pathOf(pages[pages.length - 2]?.route) === pathOf(url)) go.back();
  else go.replace(url);
}

/** The tab row. `below`: this page lies under the current tab (the catalogue under points), so that tab leads back up. */
export function StaffNav({ current, below = false }: { current: Tab; below?: boolean }) {
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

export function StaffFooter() {
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
