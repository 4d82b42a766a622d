import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { publicKeyPemOf } from '../../functions/security/tokens.js';
import { newVoucherKeyPem, vouchers } from '../../functions/security/vouchers.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient } from '../support/people.js';

let app: TestApp;
let target: { id: string; voucher: string; code: string; providerId: string; date: string };
let staffToken: string;
let otherProviderId: string;

beforeAll(async () => {
  // The wrong-code throttle would answer 429 long before 10,000 tries; here every try must reach the check itself.
  app = await startTestApp({ seed: false, config: { ...config, rateLimits: { ...config.rateLimits, failedRedemptionsPerHour: 1_000_000, failedRedemptionsPerProviderPerHour: 1_000_000 } } });
  await app.setClock('2026-11-30T12:00:00+08:00');
  const mine = await providerWithOffering(app, '验券测试', 10);
  otherProviderId = (await providerWithOffering(app, '别家餐厅', 10)).providerId;
  staffToken = mine.staffToken;
  const { booking: b } = await app.api.createBooking({ token: await recipient(app), body: { offeringId: mine.offeringId, windowId: 'lunch' } });
  if (!b.voucher || !b.code) throw new Error('a new booking carries its voucher and code');
  target = { id: b.id, voucher: b.voucher, code: b.code, providerId: mine.providerId, date: b.date };
});
afterAll(() => app.stop());

const flipBit = (s: string, at: number, bit: number) => {
  const i = at % s.length;
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << bit % 7)) + s.slice(i + 1);
};

/** Every way a voucher or code can be wrong that a forger or a damaged print could produce. */
function mutations() {
  const own = app.deps.vouchers;
  const foreignKey = newVoucherKeyPem();
  const foreign = vouchers({ signingKeyPem: foreignKey, verifyKeyPem: publicKeyPemOf(foreignKey) });
  return fc.oneof(
    fc.tuple(fc.nat(), fc.nat(6)).map(([at, bit]) => ({ voucher: flipBit(target.voucher, at, bit) })),
    fc.nat({ max: target.voucher.length - 1 }).map((n) => ({ voucher: target.voucher.slice(0, n) })),
    fc.string({ minLength: 1, maxLength: 6 }).map((s) => ({ voucher: target.voucher + s })),
    fc.constant({ voucher: own.issue(target.id, otherProviderId, target.date) }),
    fc.constantFrom('2026-11-29', '2026-12-01', '2025-11-30').map((d) => ({ voucher: own.issue(target.id, target.providerId, d) })),
    fc.constant({ voucher: foreign.issue(target.id, target.providerId, target.date) }),
    fc.string({ minLength: 1, maxLength: 12 }).map((id) => ({ voucher: own.issue(id.replace(/[^\w-]/g, 'x') || 'x', target.providerId, target.date) })),
    fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0')).filter((c) => c !== target.code).map((code) => ({ code })),
    fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 9 })).map(([i, d]) => ({ code: target.code.slice(0, i) + String((Number(target.code[i]) + d) % 10) + target.code.slice(i + 1) })),
  );
}

describe('vouchers cannot be forged, altered or moved', () => {
  it('10,000 mutated vouchers and codes are all rejected and nothing is redeemed', { timeout: 180_000 }, async () => {
    const seen: Record<string, number> = {};
    // Sampled from the generator with a fixed seed and sent 32 at a time: 10,000 one-by-one round
    // trips would take a minute, and concurrency is what a counter sees anyway.
    const samples = fc.sample(mutations(), { numRuns: 10_000, seed: 20261130 });
    for (let i = 0; i < samples.length; i += 32) {
      await Promise.all(
        samples.slice(i, i + 32).map(async (body) => {
          const r = await app.api.redeem.reply({ token: staffToken, body });
          const key = `${r.status} ${r.error?.code}`;
          seen[key] = (seen[key] ?? 0) + 1;
          // Nothing is ever 200: forged, altered or moved vouchers are 404; malformed bodies 422.
          expect(['404 INVALID_VOUCHER', '422 VALIDATION_FAILED'], JSON.stringify(body)).toContain(key);
        }),
      );
    }
    expect(seen['404 INVALID_VOUCHER']).toBeGreaterThan(8_000);
    const points = await app.api.staffPoints({ token: staffToken });
    expect(points).toEqual({ balance: 0, pending: 0, entries: [], next: null });
    // The genuine voucher still works afterwards.
    expect((await app.api.redeem.reply({ token: staffToken, body: { voucher: target.voucher } })).status).toBe(200);
  });
});
