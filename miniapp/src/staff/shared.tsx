// What every staff page shares: the sign-in guard, the tab row, and the staff wording of errors.
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import type { Failure } from '../services/api';
import { readString, remove, StorageKey } from '../services/storage';
import './shared.css';

export const staffPages = {
  signin: '/staff/signin/index',
  scan: '/staff/scan/index',
  today: '/staff/today/index',
  poster: '/staff/poster/index',
  points: '/staff/points/index',
} as const;
type Tab = Exclude<keyof typeof staffPages, 'signin'>;

export function signedIn(): boolean {
  return Boolean(readString(StorageKey.staffToken));
}

export function signOut(): void {
  remove(StorageKey.staffToken);
  remove(StorageKey.staffName);
  void Taro.reLaunch({ url: staffPages.signin });
}

/** Sends a signed-out visitor to the sign-in page. */
export function useStaffGuard(): boolean {
  const ok = signedIn();
  useEffect(() => {
    if (!ok) void Taro.redirectTo({ url: staffPages.signin });
  }, [ok]);
  return ok;
}

/** The failure's sentence; an expired session goes back to sign-in. */
export function useStaffError() {
  const { t } = useI18n();
  // New with each language, so a page's load callback that lists it speaks the current one.
  return useCallback(
    (failure: Failure): string => {
      if (failure.code === 'UNAUTHENTICATED') {
        remove(StorageKey.staffToken);
        void Taro.redirectTo({ url: staffPages.signin });
      }
      return errorText(t, failure, 'staff');
    },
    [t],
  );
}

const tabs: Tab[] = ['scan', 'today', 'poster', 'points'];

export function StaffNav({ current }: { current: Tab }) {
  const { t } = useI18n();
  return (
    <View className='staff-nav' ariaRole='navigation'>
      {tabs.map((tab) => (
        <View
          key={tab}
          className={tab === current ? 'staff-nav__tab staff-nav__tab--on' : 'staff-nav__tab'}
          ariaRole='link'
          aria-current={tab === current ? 'page' : undefined}
          data-tab={tab}
          onClick={() => tab !== current && void Taro.redirectTo({ url: staffPages[tab] })}
        >
          {t(`staff.menu.${tab}`)}
        </View>
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
      <View className='link staff-signout' ariaRole='button' onClick={signOut}>
        {t('staff.signout')}
      </View>
    </View>
  );
}
