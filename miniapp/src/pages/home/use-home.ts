import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Id, type District, type PublicProvider } from '@contract';
import { listDistricts, listProviders, type Failure } from '../../services/api';
import { readString, remove, StorageKey, writeString } from '../../services/storage';

export type ProvidersState =
  | { status: 'loading' }
  | { status: 'error'; failure: Failure }
  | { status: 'ready'; providers: PublicProvider[] };

function rememberedDistrict(): string {
  const held = readString(StorageKey.district);
  return held && Id.safeParse(held).success ? held : '';
}

/** The home page's data: sub-districts, the chosen one (remembered), and its providers. */
export function useHome() {
  const [districts, setDistricts] = useState<District[]>([]);
  const [district, setDistrict] = useState<string>(rememberedDistrict);
  const [providers, setProviders] = useState<ProvidersState>({ status: 'loading' });
  // Answers to superseded requests (the chip changed meanwhile) are dropped.
  const latest = useRef(0);

  const loadProviders = useCallback(async (id: string, keepShown = false) => {
    const ticket = ++latest.current;
    if (!keepShown) setProviders({ status: 'loading' });
    const answer = await listProviders(id ? { district: id } : {});
    if (ticket !== latest.current) return;
    setProviders(answer.ok ? { status: 'ready', providers: answer.data.providers } : { status: 'error', failure: answer });
  }, []);

  const loadDistricts = useCallback(async () => {
    const answer = await listDistricts();
    // Without the list the chips show only 全部; the providers list reports its own failure.
    if (answer.ok) setDistricts(answer.data);
  }, []);

  const select = useCallback(
    (id: string) => {
      setDistrict(id);
      if (id) writeString(StorageKey.district, id);
      else remove(StorageKey.district);
      void loadProviders(id);
    },
    [loadProviders],
  );

  // Once, on mount (both loaders are stable); later loads follow the user's actions.
  useEffect(() => {
    void loadDistricts();
    void loadProviders(rememberedDistrict());
  }, [loadDistricts, loadProviders]);

  // A remembered sub-district that no longer exists falls back to 全部.
  useEffect(() => {
    if (district && districts.length > 0 && !districts.some((d) => d.id === district)) select('');
  }, [districts, district, select]);

  const retry = useCallback(() => {
    if (districts.length === 0) void loadDistricts();
    void loadProviders(district);
  }, [districts.length, district, loadDistricts, loadProviders]);

  usePullDownRefresh(() => {
    void Promise.all([loadDistricts(), loadProviders(district, true)]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  return { districts, district, select, providers, retry };
}
