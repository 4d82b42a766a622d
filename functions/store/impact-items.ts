/**
 * What every impact item carries, day, rolled or packed: the provider's stamp and the count
 * fields. Shared here so the three parts of the impact store read and add them one way.
 */
import { COUNT_FIELDS, zeroCounts, type ImpactCounts } from '../domain/impact.js';
import { SIGNAL_FIELDS, type SignalCounts } from '../domain/integrity.js';

/** Who a figure belongs to, copied into every impact item so readers never join with profiles. */
export interface ProviderStamp {
  providerId: string;
  name: string;
  district: string;
  /** When the provider joined (its createdAt): the leaderboard's last tie-break. */
  joinedAt: string;
}

export const countsOf = (item: Record<string, unknown>): ImpactCounts => {
  const c = zeroCounts();
  for (const f of COUNT_FIELDS) c[f] = (item[f] as number | undefined) ?? 0;
  return c;
};

export const stampOf = (item: Record<string, unknown>): ProviderStamp => ({
  providerId: item.providerId as string,
  name: item.name as string,
  district: item.district as string,
  joinedAt: item.joinedAt as string,
});

/** `ADD meals :meals, …` for the non-zero fields of a delta. */
export function addClause(delta: Partial<ImpactCounts>, signals: Partial<SignalCounts> = {}): { expr: string; values: Record<string, number> } {
  const all: Record<string, number | undefined> = { ...delta, ...signals };
  const fields = [...COUNT_FIELDS, ...SIGNAL_FIELDS].filter((f) => (all[f] ?? 0) !== 0);
  return { expr: fields.map((f) => `${f} :${f}`).join(', '), values: Object.fromEntries(fields.map((f) => [`:${f}`, all[f]!])) };
}
