import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
/** Batch reads sent to the table (the listing reads its slots in batches). */
let batchReads = 0;
beforeAll(async () => {
  app = await startTestApp({
    seed: true,
    configureClient: (doc) =>
      doc.middlewareStack.add(
        (next) => async (args) => {
          if ('RequestItems' in (args.input as object)) batchReads++;
          return next(args);
        },
        { step: 'initialize' },
      ),
  });
});
afterAll(() => app.stop());

describe('public reads', () => {
  it('lists the ten Futian sub-districts in their usual order', async () => {
    const r = await app.api.listDistricts.reply();
    expect(r.status).toBe(200);
    expect(r.body?.map((d) => d.name)).toEqual(['园岭', '南园', '福田', '沙头', '梅林', '华富', '香蜜湖', '莲花', '华强北', '福保']);
  });

  it('lists seeded providers with today’s meals left, filtered by sub-district and kind', async () => {
    await app.setClock('2026-11-30T09:00:00+08:00'); // a Monday: blind boxes run on weekdays
    try {
      const all = (await app.api.listProviders()).providers;
      expect(all).toHaveLength(12);
      for (const p of all) {
        expect(p.date).toBe('2026-11-30');
        for (const o of p.offerings) expect(o.remaining).toBe(o.capacity);
      }
      const lianhua = (await app.api.listProviders({ query: { district: 'lianhua' } })).providers;
      expect(lianhua.map((p) => p.id).sort()).toEqual(['demo-lianhua', 'demo-youth']);
      const boxes = (await app.api.listProviders({ query: { kind: 'youth_station' } })).providers;
      expect(boxes.map((p) => p.id)).toEqual(['demo-youth']);
      expect(boxes[0]!.offerings[0]).toMatchObject({ kind: 'blind_box', capacity: 20, remaining: 20 });

      // Saturday: the weekday-only blind boxes are not on offer.
      await app.setClock('2026-12-05T09:00:00+08:00');
      const saturday = (await app.api.getProvider({ params: { id: 'demo-youth' } })).provider;
      expect(saturday.offerings).toEqual([]);
    } finally {
      await app.setClock(null);
    }
  });

  it('answers 404 for an unknown provider and 422 for an unknown kind', async () => {
    expect((await app.api.getProvider.reply({ params: { id: 'nope' } })).error?.code).toBe('NOT_FOUND');
    // A kind the contract does not have: the typed client would not send it.
    const bad = await app.call<{ error: { details: unknown } }>('GET', '/v1/providers?kind=bar');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ in: 'query', field: 'kind' })]);
    expect((await app.api.listProviders({ query: { district: 'atlantis' } })).providers).toEqual([]);
  });

  it('assembles the listing at most once a second however many ask, and lets caches keep it that long', async () => {
    await app.api.listProviders.reply({ query: { district: 'futian' } });
    const before = batchReads;
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 60 }, () => app.api.listProviders.reply({ query: { district: 'futian' } })));
    const seconds = (performance.now() - started) / 1000;
    expect(answers.every((a) => a.status === 200 && a.body!.providers.length > 0)).toBe(true);
    expect(new Set(answers.map((a) => a.text)).size).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    // 60 requests, at most one assembly per elapsed second (plus the one under way).
    expect(batchReads - before).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(answers[0]!.headers.get('cache-control')).toBe('public, max-age=1');
    // Other answers stay uncached.
    expect((await app.api.getProvider.reply({ params: { id: 'demo-futian' } })).headers.get('cache-control')).toBe('no-store');
  });

  it('shows a booking in the listing within a second', async () => {
    const listed = async () =>
      (await app.api.listProviders({ query: { district: 'futian' } })).providers.find((p) => p.id === 'demo-futian')!.offerings[0]!.remaining;
    await app.setClock('2026-11-30T09:00:00+08:00');
    try {
      const before = await listed();
      const token = (await app.api.createDeviceSession({ body: { deviceKey: 'k'.repeat(43) } })).token;
      const offeringId = (await app.api.getProvider({ params: { id: 'demo-futian' } })).provider.offerings[0]!.id;
      const booked = await app.api.createBooking.reply({ token, body: { offeringId, windowId: 'lunch' } });
      expect(booked.status, booked.text).toBe(201);
      // Poll the listing (not a sleep): it must catch up within its one-second TTL.
      const deadline = performance.now() + 1_500;
      let now = await listed();
      while (now !== before - 1 && performance.now() < deadline) now = await listed();
      expect(now).toBe(before - 1);
    } finally {
      await app.setClock(null);
    }
  });

  it('serves /healthz', async () => {
    expect((await app.call('GET', '/healthz')).body).toEqual({ ok: true });
  });

  it('refuses a body over 64 KiB at the server, before any route (even one that ignores bodies)', async () => {
    const limit = 64 * 1024;
    const atLimit = await app.call('POST', '/healthz', { raw: new Uint8Array(limit).fill(0x61) });
    expect(atLimit.status).toBe(200);
    const over = await app.call('POST', '/healthz', { raw: new Uint8Array(limit + 1).fill(0x61) });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'bodies are limited to 65536 bytes' } });
    // A large upload still gets its answer, not a reset connection.
    const huge = await app.call('POST', '/v1/bookings', { raw: new Uint8Array(2 * 1024 * 1024).fill(0x61) });
    expect(huge.status).toBe(413);
  });
});
