import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceKey } from '../support/app.js';
import { offering } from '../support/people.js';
import { freePort } from '../support/ports.js';
import { startLocalMode } from '../support/process.js';

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

describe('a power cut mid-burst (--data)', () => {
  it('after SIGKILL of server and database and a restart, slot counters equal the live bookings', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcan-crash-'));
    const env = { PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), MCAN_ADMIN_PASSWORD: 'crash-test-password' };
    const base = `http://127.0.0.1:${env.PORT}`;
    // No demo history: its background writes are not what this test is about.
    const args = ['--data', dir, '--test-clock', '--no-client-limits', '--no-history'];
    const lunch = { now: '2026-11-30T11:40:00+08:00' };
    try {
      const first = startLocalMode(args, env);
      await first.waitFor('M餐 is running');
      await call(base, 'POST', '/__test__/clock', lunch);
      const admin = (await call(base, 'POST', '/v1/admin/sessions', { username: 'admin', password: env.MCAN_ADMIN_PASSWORD })).body.token;
      await call(base, 'PUT', '/v1/admin/providers/demo-futian/offerings/demo-futian-lunch', offering(400), admin);
      const sessions = await Promise.all(Array.from({ length: 150 }, () => call(base, 'POST', '/v1/sessions/device', { deviceKey: deviceKey() })));
      expect(sessions.filter((s) => !s.body.token).map((s) => `${s.status} ${s.body?.error?.code}`)).toEqual([]);
      const tokens = sessions.map((s) => s.body.token as string);

      let answered = 0;
      let acknowledged = 0;
      const others: string[] = [];
      let cut!: () => void;
      const killed = new Promise<void>((r) => (cut = r));
      const burst = tokens.map((token) =>
        call(base, 'POST', '/v1/bookings', { offeringId: 'demo-futian-lunch', windowId: 'lunch' }, token)
          .then((r) => {
            if (r.status === 201) acknowledged++;
            else others.push(`${r.status} ${r.body?.error?.code}`);
            if (++answered === 40) cut();
          })
          .catch(() => undefined), // connections cut by the kill
      );
      await killed;
      first.killHard();
      await Promise.all(burst);
      await first.exited;
      expect(others).toEqual([]);
      expect(acknowledged).toBeGreaterThanOrEqual(40);
      expect(acknowledged).toBeLessThan(150);

      const second = startLocalMode(args, env);
      await second.waitFor('M餐 is running');
      await call(base, 'POST', '/__test__/clock', lunch);
      const lists = await Promise.all(tokens.map((t) => call(base, 'GET', '/v1/bookings', undefined, t)));
      const live = lists.flatMap((l) => l.body.bookings).filter((b: { status: string }) => b.status === 'BOOKED');
      const staffToken = (await call(base, 'POST', '/v1/staff/sessions', { username: 'staff-futian', password: 'mcan-demo' })).body.token;
      const slot = (await call(base, 'GET', '/v1/staff/today', undefined, staffToken)).body.slots.find((s: { offeringId: string }) => s.offeringId === 'demo-futian-lunch');
      // Nothing half-written: every booking that exists is counted in its slot, and nothing else is.
      // (DynamoDB Local itself may lose its last acknowledged write or two to a SIGKILL — seen 1 of
      // 40 in some runs — so "every 201 survived" is a property of AWS, not of this engine.)
      expect(live.length).toBeGreaterThan(0);
      expect(slot.booked).toBe(live.length);
      expect(slot.remaining).toBe(400 - live.length);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
