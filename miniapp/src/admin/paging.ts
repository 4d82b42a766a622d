// Cursor paging for the desk's tables (docs/api.md, "Admin reads": `limit`, `next`): the page shown is the one the last `next`
// pointed at; the cursors seen so far make "previous" possible without the API going backwards.
import { useState } from 'react';
import type { Page } from '@contract';
import { useResource, type Resource } from '../hooks/use-resource';
import type { Result } from '../services/request';

/** The rows a desk table shows at once: a page that fits the screen (the API's own default is longer). */
export const PAGE_SIZE = 20;

export interface CursorPages<T> extends Resource<Page<T>> {
  /** 1 for the first page. */
  page: number;
  /** Undefined when there is no such page. */
  nextPage?: () => void;
  prevPage?: () => void;
}

/**
 * Loads `load(cursor)` and pages through it. `filters` are the list's inputs (search, status…):
 * when they change, paging starts again at the first page.
 */
export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<Result<Page<T>>>, filters: unknown[]): CursorPages<T> {
  const key = JSON.stringify(filters);
  const [trail, setTrail] = useState<{ key: string; cursors: Array<string | undefined> }>({ key, cursors: [undefined] });
  const cursors = trail.key === key ? trail.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const resource = useResource(() => load(cursor), [key, cursor]);
  const next = resource.data?.next;
  return {
    ...resource,
    page: cursors.length,
    nextPage: next ? () => setTrail({ key, cursors: [...cursors, next] }) : undefined,
    prevPage: cursors.length > 1 ? () => setTrail({ key, cursors: cursors.slice(0, -1) }) : undefined,
  };
}
