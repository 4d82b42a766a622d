/**
 * The impact figures' store, in three parts that share only the provider stamp and the count
 * fields (impact-items.ts): the live day items (impact-days.ts), the roll-up's items
 * (impact-roll-ups.ts) and the packs read by the thousand (impact-packs.ts). Callers import from
 * here and see one store.
 */
import type { TableRef } from './client.js';
import { impactDays } from './impact-days.js';
import { impactPacks } from './impact-packs.js';
import { impactRollUps } from './impact-roll-ups.js';

export type { ProviderStamp } from './impact-items.js';
export { capacityField, impactWrite, redeemedField, servedClause, servedStateOf, splitPoints, type DayFigures, type ImpactIntent } from './impact-days.js';
export type { RolledArea, RolledProvider, RolledTarget, RollUpState } from './impact-roll-ups.js';
export type { AreaMonth, ProviderCounts, ProviderPack } from './impact-packs.js';

export function impactStore(ref: TableRef) {
  return { ...impactDays(ref), ...impactRollUps(ref), ...impactPacks(ref) };
}
