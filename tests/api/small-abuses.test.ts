import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient } from '../support/people.js';

// Issue 8, observation 9 (the smaller ones): the listing cache grew without bound on random
// offering ids; /__test__/clock accepted text/plain from any origin; GET /v1/staff/poster wrote a
// token and cleared the whole listing cache on every view.

const MAX = 64;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false, config: { ...config, cache: { ...config.cache, listingMaxEntries: MAX } } });
  await app.setClock('2026-11-30T11:40:00+08:00');
});
afterAll(() => app.stop());

describe('the listing cache', () => {
  it('stays bounded however many random offering ids a client sends (each a 404)', async () => {
    const token = await recipient(app);
    for (let round = 0; round < 10; round++) {
      const replies = await Promise.all(
        Array.from({ length: 30 }, () => app.api.createBooking.reply({ token, body: { offeringId: `x${randomBytes(12).toString('hex')}`, windowId: 'lunch' } })),
      );
      for (const r of replies) expect(r.status).toBe(404);
    }
    // 300 unknown ids asked; the cache holds at most its bound.
    expect(app.deps.listing.size()).toBeLessThanOrEqual(MAX);
    // Real lookups still work through it (for someone else: those 300 refused attempts used up this recipient's booking rate).
    const place = await providerWithOffering(app, '缓存测试店', 2);
    expect((await app.api.createBooking.reply({ token: await recipient(app), body: { offeringId: place.offeringId, windowId: 'lunch' } })).status).toBe(201);
    expect((await app.api.createBooking.reply({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } })).error?.code).toBe('RATE_LIMITED');
  });
});

describe('/__test__/clock', () => {
  const before = '2026-11-30T11:40:00.000Z';
  const clockCall = (headers: Record<string, string>, body = JSON.stringify({ now: '2030-01-01T00:00:00+08:00' })) =>
    app.call<{ error: { code: string } }>('POST', '/__test__/clock', { raw: body, headers });

  it('refuses text/plain and other non-JSON bodies (a web page could send those without asking)', async () => {
    await app.setClock('2026-11-30T19:40:00+08:00');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await clockCall({ 'content-type': type });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
    }
    expect(app.clock.now().toISOString()).toBe(before);
  });

  it('refuses a request from another origin, even as JSON', async () => {
    await app.setClock('2026-11-30T19:40:00+08:00');
    const r = await clockCall({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const site = await clockCall({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    const job = await app.call('POST', '/__test__/jobs/expire-bookings', { headers: { origin: 'http://192.0.2.9:3000' } });
    expect(job.status).toBe(403);
    expect(app.clock.now().toISOString()).toBe(before);
    // Its own origin (the H5 app on this server) and tools without one are let through.
    const own = await clockCall({ 'content-type': 'application/json; charset=utf-8', origin: app.url });
    expect(own.status).toBe(200);
    expect(app.clock.now().getFullYear()).toBe(2029);
  });
});

describe('GET /v1/staff/poster', () => {
  it('is a read: after the first poster exists, a view writes nothing and keeps the cache', async () => {
    await app.setClock('2026-11-30T11:40:00+08:00');
    const place = await providerWithOffering(app, '海报只读店', 3);
    const first = await app.api.staffPoster({ token: place.staffToken });
    // Warm the cache with this provider and some listings.
    await app.api.getProvider({ params: { id: place.providerId } });
    await app.api.listProviders({ query: { district: 'futian' } });
    const cached = app.deps.listing.size();
    expect(cached).toBeGreaterThan(0);
    const items = await app.tableItems();
    for (let i = 0; i < 3; i++) expect((await app.api.staffPoster({ token: place.staffToken })).poster).toBe(first.poster);
    expect(await app.tableItems()).toEqual(items);
    expect(app.deps.listing.size()).toBe(cached);
    // The poster works for a walk-in.
    const token = await recipient(app);
    expect((await app.api.createWalkIn.reply({ token, body: { poster: first.poster } })).status).toBe(201);
  });
});
