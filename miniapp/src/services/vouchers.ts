// The last bookings seen, kept on the device so a voucher still shows without a network.
import type { Booking } from '@contract';
import { readJson, StorageKey, writeJson } from './storage';

const KEEP = 10;

export function cachedBookings(): Booking[] {
  const held = readJson<Booking[]>(StorageKey.vouchers);
  return Array.isArray(held) ? held : [];
}

export function cachedBooking(id: string): Booking | undefined {
  return cachedBookings().find((b) => b.id === id);
}

export function cacheBooking(booking: Booking): void {
  const rest = cachedBookings().filter((b) => b.id !== booking.id);
  writeJson(StorageKey.vouchers, [booking, ...rest].slice(0, KEEP));
}
