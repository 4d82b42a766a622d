/**
 * How many replies ended each way: the status for a success ('201'), the status and the contract's
 * error code for a refusal ('409 QUOTA_EXHAUSTED'). Takes `app.call` replies and `app.api` ones.
 */
export function tally(replies: { status: number; body?: unknown; error?: { code: string } }[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const r of replies) {
    const code = r.error?.code ?? (r.body as { error?: { code?: string } } | undefined)?.error?.code;
    const k = r.status < 300 ? String(r.status) : `${r.status} ${code}`;
    t[k] = (t[k] ?? 0) + 1;
  }
  return t;
}
