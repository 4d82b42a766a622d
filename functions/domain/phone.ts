/**
 * A phone number as a list shows it: the first three and last four digits, the rest starred
 * (138****1234), enough to tell two applicants apart and to match a caller, not to dial.
 * Anything too short to keep both ends is starred whole.
 */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
