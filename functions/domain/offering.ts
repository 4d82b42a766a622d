import type { OfferingContract } from '../contract/admin.js';

export interface SlotCounts {
  booked: number;
  redeemed: number;
  walkIns: number;
}

export const emptySlot: SlotCounts = { booked: 0, redeemed: 0, walkIns: 0 };

/** Does the offering run on this ISO weekday? Inactive offerings never run. */
export const runsOn = (o: Pick<OfferingContract, 'active' | 'weekdays'>, weekday: number): boolean =>
  o.active && o.weekdays.includes(weekday);

/**
 * Meals still free today. `booked` counts live and redeemed bookings (redeemed ones stay
 * counted), walk-ins are no-app handouts; neither may exceed capacity together.
 */
export function remaining(capacity: number, slot: SlotCounts): number {
  return Math.max(0, capacity - slot.booked - slot.walkIns);
}
