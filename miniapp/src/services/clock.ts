// The service's clock as seen from this device. Every API answer carries the server's time in its
// `Date` header; the difference from the device's clock is kept, so countdowns are right on a
// phone whose clock is off (a wrong time zone setting, a dead battery's reset, a manual change).

let offsetMs = 0;

/** Records the server's time from a `Date` header (RFC 7231); anything unreadable is ignored. */
export function noteServerDate(header: string | undefined, receivedAt = Date.now()): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header has whole seconds: differences under two seconds are rounding and transit, not a wrong clock.
  const offset = server - receivedAt;
  offsetMs = Math.abs(offset) < 2000 ? 0 : offset;
}

/** Now, by the server's clock (the device's until the first answer arrives). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
