import type { ProviderStatus } from '@contract';
import { useAdminText } from './i18n';
import { statusLabel } from './labels';

export function StatusBadge({ status }: { status: ProviderStatus }) {
  const t = useAdminText();
  return <span className={`admin-badge admin-badge--${status.toLowerCase()}`}>{statusLabel(t, status)}</span>;
}
