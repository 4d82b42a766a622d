import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Failure, Result } from '../services/request';

/** What a page shows for data it loads: loading, a failure to retry, or the data. */
export type ResourceState<T> = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'ready'; data: T };

export interface ResourceOptions {
  /**
   * Reload (quietly, keeping what is shown) each time the page comes back into view: counts and
   * statuses change while the person is on another page.
   */
  onShow?: boolean;
  /** Reload on the mini-program's pull-down gesture. Default true. */
  pullDown?: boolean;
  /** False holds the load (e.g. until a staff session is known); it runs when this turns true. */
  enabled?: boolean;
}

export interface ResourceInit<T> extends ResourceOptions {
  /** Data to show at once (e.g. kept on the device); the first load then runs quietly. */
  initial?: T;
}

export interface Resource<T> {
  state: ResourceState<T>;
  /** The data once loaded (also while a quiet reload runs). */
  data: T | undefined;
  /** Loads again: `quiet` keeps the data on screen instead of showing the loading state. */
  reload: (quiet?: boolean) => Promise<void>;
  /** Replaces the data shown (e.g. with the booking a cancel answered). */
  set: (data: T) => void;
  /** The last quiet reload's failure while older data stays shown (e.g. offline); null after a success. */
  staleBecause: Failure | null;
}

/**
 * Loads `load()` when the page opens and again when `deps` change. A quiet reload keeps the data
 * shown and, if it fails, keeps it too (stale beats blank); an answer to a superseded load is dropped.
 */
export function useResource<T>(load: () => Promise<Result<T>>, deps: DependencyList, options: ResourceInit<T> = {}): Resource<T> {
  const { onShow = false, pullDown = true, enabled = true, initial } = options;
  const [state, setState] = useState<ResourceState<T>>(initial === undefined ? { status: 'loading' } : { status: 'ready', data: initial });
  const [staleBecause, setStaleBecause] = useState<Failure | null>(null);
  const latest = useRef(0);
  const current = useRef(state);
  current.current = state;
  // The latest `load`, so reload() reads the page's current inputs without re-subscribing.
  const loader = useRef(load);
  loader.current = load;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const reload = useCallback(async (quiet = false) => {
    const ticket = ++latest.current;
    const keep = quiet && current.current.status === 'ready';
    if (!keep) setState({ status: 'loading' });
    const answer = await loader.current();
    if (!mounted.current || ticket !== latest.current) return;
    setStaleBecause(answer.ok || !keep ? null : answer);
    if (answer.ok) setState({ status: 'ready', data: answer.data });
    else if (!keep) setState({ status: 'error', failure: answer });
  }, []);

  // The first load keeps `initial` on screen; a change of inputs shows loading (old data would mislead).
  const firstLoad = useRef(true);
  useEffect(() => {
    if (!enabled) return;
    void reload(firstLoad.current);
    firstLoad.current = false;
    // `deps` are the caller's inputs to `load`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  // Reload on coming back into view, which is a show after a hide. Whether Taro also reports the
  // page's first show depends on timing (the hook may register after it), so counting shows to
  // skip the first one sometimes skipped the return instead; the first load is the effect above.
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    if (onShow && enabled) void reload(true);
  });

  usePullDownRefresh(() => {
    if (!pullDown || !enabled) return;
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });

  const set = useCallback((data: T) => {
    latest.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, data: state.status === 'ready' ? state.data : undefined, reload, set, staleBecause };
}
