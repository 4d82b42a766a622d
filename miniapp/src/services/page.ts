// The API names each list's rows (`providers`, `entries`…); the views page through one shape.
import type { Listed, Page } from '@contract';
import type { Result } from './request';

/** A list answer as a `Page` of the rows under `key`. */
export function pageOf<K extends string, T>(answer: Result<Listed<K, T>>, key: K): Result<Page<T>> {
  return answer.ok ? { ok: true, data: { items: answer.data[key], next: answer.data.next } } : answer;
}
