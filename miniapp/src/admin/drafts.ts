// What the desk's forms hold when the session runs out. The request that finds the session gone
// keeps every open form's unsaved draft and the page it was on; the same person signing in again
// returns to that page and finds the draft in its form. Forms with a password keep none.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { readJson, remove, StorageKey, writeJson } from '../services/storage';

/**
 * The forms on screen (and on the pages Taro keeps below it), each by its own token: the same
 * record's form can be open twice (a page opened again), and one closing must not forget the other.
 */
const open = new Map<symbol, { key: string; read: () => unknown }>();

/** Where the desk was when the session ran out, and whose session it was. */
export interface Return {
  url: string;
  username: string;
}

/** Keeps the open forms' changed drafts and the page; called once the server has refused the session. */
export function keepForReturn(back: Return): void {
  const drafts = Object.fromEntries([...open.values()].map(({ key, read }) => [key, read()]).filter(([, draft]) => draft !== undefined));
  writeJson(StorageKey.adminDrafts, drafts);
  writeJson(StorageKey.adminReturn, back);
}

/** The page to go back to after `username` signs in; another person's drafts are dropped unread. */
export function takeReturn(username: string): string | undefined {
  const back = readJson<Return>(StorageKey.adminReturn);
  remove(StorageKey.adminReturn);
  if (back?.username === username) return back.url;
  forgetDrafts();
  return undefined;
}

export const forgetDrafts = (): void => {
  remove(StorageKey.adminDrafts);
  remove(StorageKey.adminReturn);
};

function takeDraft<T>(key: string): T | undefined {
  const drafts = readJson<Record<string, T>>(StorageKey.adminDrafts);
  if (!drafts || !(key in drafts)) return undefined;
  const { [key]: kept, ...rest } = drafts;
  writeJson(StorageKey.adminDrafts, rest);
  return kept;
}

/**
 * A form's state that outlives an expired session: `key` names the record it edits (e.g.
 * `provider:<id>`); `restored` is true when the form opened with the draft kept at expiry.
 */
export function useDraft<T>(key: string, initial: () => T): { draft: T; setDraft: Dispatch<SetStateAction<T>>; restored: boolean } {
  const [kept] = useState(() => takeDraft<T>(key));
  const [start] = useState(initial);
  const [draft, setDraft] = useState<T>(kept ?? start);
  const current = useRef(draft);
  current.current = draft;
  useEffect(() => {
    // Only a changed draft is worth keeping: an untouched form opens as it was anyway.
    const untouched = JSON.stringify(start);
    const token = Symbol(key);
    open.set(token, { key, read: () => (JSON.stringify(current.current) === untouched ? undefined : current.current) });
    return () => void open.delete(token);
  }, [key, start]);
  return { draft, setDraft, restored: kept !== undefined };
}
