/**
 * Strings in the order DynamoDB sorts keys (their UTF-8 bytes) and the documented "smaller id"
 * tie-break: not `localeCompare`, which folds case and skips punctuation, nor `<`, which compares
 * UTF-16 units and so puts U+E000–U+FFFF after characters beyond U+FFFF.
 */
const utf8 = new TextEncoder();

export function byteOrder(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
