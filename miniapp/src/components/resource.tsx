import type { ReactNode } from 'react';
import type { ResourceState } from '../hooks/use-resource';
import { useI18n } from '../i18n';
import { errorText, type ErrorContext } from '../i18n/errors';
import { StatusView } from './status-view';

export interface ResourceProps<T> {
  state: ResourceState<T>;
  /** Called by the error state's retry button. */
  onRetry?: () => void;
  /** True when the data is "nothing to show" (then `emptyTitle` is shown instead of children). */
  isEmpty?: (data: T) => boolean;
  emptyTitle?: string;
  /** Extra content under the empty state (e.g. a way elsewhere). */
  emptyAction?: ReactNode;
  /** Which wording the failure gets (see errors.ts). */
  errorContext?: ErrorContext;
  /** Overrides the failure's sentence for a code this screen explains better. */
  errorDetail?: (failure: Extract<ResourceState<T>, { status: 'error' }>['failure']) => string | undefined;
  children: (data: T) => ReactNode;
}

/** The four states of loaded data, drawn the same way on every page. */
export function Resource<T>({ state, onRetry, isEmpty, emptyTitle, emptyAction, errorContext, errorDetail, children }: ResourceProps<T>) {
  const { t } = useI18n();
  if (state.status === 'loading') return <StatusView kind='loading' title={t('home.loading')} />;
  if (state.status === 'error') {
    const detail = errorDetail?.(state.failure) ?? errorText(t, state.failure, errorContext);
    return <StatusView kind='error' title={t('home.error')} detail={detail} onRetry={onRetry} />;
  }
  if (isEmpty?.(state.data)) {
    return (
      <>
        <StatusView kind='empty' title={emptyTitle ?? t('home.empty')} />
        {emptyAction}
      </>
    );
  }
  return <>{children(state.data)}</>;
}
