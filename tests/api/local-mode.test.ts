import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPortFree } from '../../functions/local/dynamodb-local.js';
import { freePort } from '../support/ports.js';
import { startLocalMode } from '../support/process.js';

async function ports() {
  return { PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()) };
}

const json = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, init);
  return { status: r.status, body: (await r.json()) as any };
};

describe('npm start (local mode as a process)', () => {
  it('a port already in use gives one clear sentence and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = startLocalMode([], { PORT: String(port), DYNAMODB_PORT: String(await freePort()) });
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(`Port ${port} is already in use, so the M餐 server cannot start; stop whatever holds it or choose another port.`);
    } finally {
      blocker.close();
    }
  });

  it('keeps data with --data across a restart, and SIGTERM leaves no DynamoDB Local behind', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcan-data-'));
    const env = { ...(await ports()), MCAN_ADMIN_PASSWORD: 'a-known-password' };
    const base = `http://127.0.0.1:${env.PORT}`;
    try {
      const first = startLocalMode(['--data', dir, '--no-seed'], env);
      await first.waitFor('M餐 is running');
      expect(first.output()).toContain(`M餐 is running at ${base}`);
      expect(first.output()).toContain('admin');
      expect((await json(`${base}/healthz`)).body).toEqual({ ok: true });
      const admin = (await json(`${base}/v1/admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'a-known-password' }) })).body.token;
      const put = await json(`${base}/v1/admin/districts/chegongmiao`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ name: '车公庙' }) });
      expect(put.status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      await assertPortFree(Number(env.DYNAMODB_PORT), '0.0.0.0', 'DynamoDB Local');

      const second = startLocalMode(['--data', dir, '--no-seed'], env);
      await second.waitFor('M餐 is running');
      const districts = (await json(`${base}/v1/districts`)).body;
      expect(districts).toContainEqual({ id: 'chegongmiao', name: '车公庙' });
      // The admin's session survives the restart: local secrets are kept with the data.
      expect((await json(`${base}/v1/admin/providers`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      await assertPortFree(Number(env.DYNAMODB_PORT), '0.0.0.0', 'DynamoDB Local');
      await assertPortFree(Number(env.PORT), '127.0.0.1', 'the M餐 server');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
