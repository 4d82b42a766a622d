/**
 * One rule, two spellings: the recipient's limits are a DynamoDB condition in the booking
 * transaction (functions/store/bookings.ts) and a pure decision that words the refusal
 * (recipientRefusal in functions/domain/booking.ts). On the real engine, for any recipient state,
 * the transaction refuses the recipient part exactly when the domain names a refusal — so the two
 * cannot drift apart unnoticed.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { config } from '../../functions/config.js';
import { recipientRefusal, type RecipientLimitsState } from '../../functions/domain/booking.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import type { BookingRecord } from '../../functions/store/records.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const doc = documentClient(localClientConfig(inject('dynamoEndpoint')));
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(async () => {
  doc.destroy();
  await app.stop();
});

const TODAY = '2026-11-30';
const MONTH = TODAY.slice(0, 7);
const dayAround = fc.constantFrom('2026-11-29', TODAY, '2026-12-01');

/** Recipient states around every boundary the rule has: claims at the free limit, today's and the month's counts at theirs, dates either side of today. */
const state: fc.Arbitrary<RecipientLimitsState> = fc.record({
  liveBooking: fc.option(fc.constant('b_live'), { nil: null }),
  claims: fc.integer({ min: 0, max: config.claims.freeClaims + 1 }),
  verifiedUntil: fc.option(dayAround, { nil: null }),
  suspendedUntil: fc.option(dayAround, { nil: null }),
  daily: fc.option(fc.integer({ min: 0, max: config.claims.perDay + 1 }), { nil: undefined }).map((n): Record<string, number> => (n === undefined ? {} : { [TODAY]: n })),
  monthly: fc.option(fc.constantFrom(0, config.claims.verifiedPerMonth - 1, config.claims.verifiedPerMonth), { nil: undefined }).map((n): Record<string, number> => (n === undefined ? {} : { [MONTH]: n })),
});

function booking(recipientId: string): BookingRecord {
  const id = `b_${randomBytes(8).toString('hex')}`;
  return {
    id,
    recipientId,
    providerId: 'p_rule',
    providerName: '规则餐厅',
    offeringId: 'o-rule',
    offeringName: '午餐',
    kind: 'meal',
    valueFen: 1500,
    date: TODAY,
    window: { id: 'lunch', start: '11:30', end: '13:30' },
    status: 'BOOKED',
    code: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
    voucher: `M1.${id}.x`,
    expiresAtLocal: `${TODAY}T13:45`,
    createdAt: `${TODAY}T03:40:00.000Z`,
    redeemedAt: null,
    channel: 'app',
  };
}

describe('the recipient limits: DynamoDB condition and domain rule agree', () => {
  it('the booking transaction refuses the recipient exactly when recipientRefusal says so, with that refusal (property, real engine)', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const id = `r_${randomBytes(8).toString('hex')}`;
        const item: Record<string, unknown> = { ...keys.recipient(id), id, createdAt: `${TODAY}T00:00:00.000Z`, claims: s.claims, daily: s.daily, monthly: s.monthly, noShows: [] };
        if (s.liveBooking) item.liveBooking = s.liveBooking;
        if (s.verifiedUntil) item.verifiedUntil = s.verifiedUntil;
        if (s.suspendedUntil) item.suspendedUntil = s.suspendedUntil;
        await doc.send(new PutCommand({ TableName: app.tableName, Item: item }));

        const out = await app.deps.store.bookings.book(booking(id), { today: TODAY, month: MONTH, capacity: 1_000_000 });
        const expected = recipientRefusal(s, TODAY, config);
        expect(out.ok ? null : out.part, JSON.stringify(s)).toBe(expected ? 'recipient' : null);
        // The refusal the app words from the returned image is the one the rule gives for the state as written.
        if (!out.ok && out.part === 'recipient') expect(recipientRefusal(out.old as RecipientLimitsState, TODAY, config)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });
});
