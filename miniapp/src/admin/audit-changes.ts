// An audit entry's before and after, field by field, for showing side by side: pure and free of
// imports, so the page and its unit test (tests/unit/admin-desk-logic.test.ts) share it.

export interface FieldChange {
  /** The top-level field (`status`, `hygienePermit`…); '' when a side is not an object. */
  field: string;
  /** The value as text; undefined when that side has no such field. */
  before?: string;
  after?: string;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Short text for a value: strings as they are, everything else as JSON. */
export function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Every field of either side, changed ones first (in the order they appear), then the unchanged.
 * A creation (before null) or deletion (after null) lists the other side's fields, all changed.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const a = before ?? null;
  const b = after ?? null;
  if ((a !== null && !isRecord(a)) || (b !== null && !isRecord(b))) {
    const bt = a === null ? undefined : valueText(a);
    const at = b === null ? undefined : valueText(b);
    return [{ field: '', before: bt, after: at, changed: bt !== at }];
  }
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const rows = fields.map((field): FieldChange => {
    const bt = a && field in a ? valueText(a[field]) : undefined;
    const at = b && field in b ? valueText(b[field]) : undefined;
    return { field, before: bt, after: at, changed: bt !== at };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
