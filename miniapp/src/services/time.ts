// Every date and time the app shows is Asia/Shanghai (UTC+8, no daylight saving), whatever the
// device's own zone.
import { serverNow } from './clock';

const OFFSET_MS = 8 * 3600_000;

/** Epoch ms of `date` (YYYY-MM-DD) at `hm` (HH:MM) in Shanghai. */
export function shanghaiInstant(date: string, hm: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hm.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS;
}

/** An ISO instant as its Shanghai date, YYYY-MM-DD. */
export const shanghaiDate = (iso: string): string => new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10);

/** Today's date in Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now = serverNow()): string {
  return new Date(now + OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11-30T03:45:00Z" → "11-30 11:45" (Shanghai). */
export function shanghaiDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + OFFSET_MS).toISOString().slice(5, 16).replace('T', ' ');
}

export type WindowPhase = { phase: 'before' | 'open'; ms: number } | { phase: 'over' };

/** Where `now` sits against a pickup window on `date`, with the time to the next edge. */
export function windowPhase(date: string, start: string, end: string, now = serverNow()): WindowPhase {
  const from = shanghaiInstant(date, start);
  const to = shanghaiInstant(date, end);
  if (now < from) return { phase: 'before', ms: from - now };
  if (now < to) return { phase: 'open', ms: to - now };
  return { phase: 'over' };
}

/** Minutes since midnight in Shanghai now. */
export function shanghaiMinutes(now = serverNow()): number {
  const d = new Date(now + OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

export function hmToMinutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
