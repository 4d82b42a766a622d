import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { CancelReason } from '../contract/bookings.js';
import { queryAll, queryPage, scanAll, type TableRef } from './client.js';
import { keys } from './keys.js';
import { withIntents, type Intents } from './intents.js';
import { entryWrite, holdWrite } from './points.js';
import type { BookingRecord, LedgerRecord } from './records.js';
import { toRecipient } from './recipients.js';
import { servedClause, servedStateOf, type ImpactIntent } from './impact.js';
import type { Novelty } from '../domain/impact.js';
import { commit, type Write } from './transaction.js';
import { fullness, sharedRoomCheck, type SharedCounter } from './rate-limits.js';

const BOOKING_FIELDS = [
  'id', 'recipientId', 'providerId', 'providerName', 'offeringId', 'offeringName', 'kind', 'valueFen', 'date', 'window',
  'status', 'code', 'voucher', 'expiresAtLocal', 'createdAt', 'redeemedAt', 'channel', 'cancelReason', 'thankedAt',
] as const;

export const toBooking = (item: Record<string, unknown>): BookingRecord =>
  Object.fromEntries(BOOKING_FIELDS.map((f) => [f, item[f] ?? null])) as unknown as BookingRecord;

/** What a redemption's transaction records besides the booking itself, as the app read it. */
export interface RedemptionFacts {
  novelty: Novelty;
  /** The provider that served the recipient's previous meal (null: none, or not recorded then). */
  lastServedBy: string | null;
  /** The offering's daily capacity as the contract stands. */
  capacity: number;
}

export interface BookingLimits {
  today: string;
  month: string;
  capacity: number;
}

/** Days a backup code item outlives its date (TTL; readers check the date themselves). */
const CODE_TTL_DAYS = 2;
const epochAfterDays = (date: string, days: number) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + days * 86_400;

const asBooking = { booking: toBooking };

export function bookingStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  const slotSet = 'SET providerId = :pid, offeringId = :oid, #date = :date, #capacity = :cap';
  const slotNames = { '#date': 'date', '#capacity': 'capacity' };
  const slotValues = (b: { providerId: string; offeringId: string; date: string }, capacity: number) => ({
    ':pid': b.providerId,
    ':oid': b.offeringId,
    ':date': b.date,
    ':cap': capacity,
  });
  const giveBack = (b: BookingRecord): Write => ({
    Update: {
      TableName,
      Key: keys.slot(b.providerId, b.date, b.offeringId),
      UpdateExpression: 'ADD taken :minus, booked :minus',
      ExpressionAttributeValues: { ':minus': -1 },
    },
  });
  /**
   * The backup code's item, pointing at the booking as it now stands. It outlives the booking's
   * live days (until its TTL), so a code stays unique for the provider's whole day and the counter
   * can say "cancelled" or "expired" instead of "no such code".
   */
  const codeItem = (b: BookingRecord): Record<string, unknown> => ({
    ...keys.code(b.providerId, b.date, b.code),
    bookingId: b.id,
    booking: b,
    expiresAt: epochAfterDays(b.date, CODE_TTL_DAYS),
  });
  const retireCode = (b: BookingRecord, status: BookingRecord['status']): Write => ({ Put: { TableName, Item: codeItem({ ...b, status }) } });
  /**
   * BOOKED → status, leaving the live-bookings index; `byRecipient` also requires the booking to
   * be theirs; `reason` records why a cancelled one ended.
   */
  const endBooking = (b: BookingRecord, status: BookingRecord['status'], at: string, byRecipient?: string, reason?: string): Write => ({
    Update: {
      TableName,
      Key: keys.booking(b.id),
      UpdateExpression: `SET #status = :status, ${status === 'REDEEMED' ? 'redeemedAt' : 'endedAt'} = :at${reason ? ', cancelReason = :why' : ''} REMOVE GSI2PK, GSI2SK`,
      ConditionExpression: byRecipient ? '#status = :booked AND recipientId = :rid' : '#status = :booked',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':at': at, ':booked': 'BOOKED', ...(byRecipient ? { ':rid': byRecipient } : {}), ...(reason ? { ':why': reason } : {}) },
    },
  });

  return {
    async get(id: string): Promise<BookingRecord | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.booking(id) }));
      return out.Item ? toBooking(out.Item) : null;
    },

    /**
     * The booking a backup code points at, if the code is live for that provider and day — as it
     * was when booked. The code item carries that snapshot so the counter needs one read, not
     * two; the redemption transaction's condition on the booking's real status is what counts.
     */
    async byCode(providerId: string, date: string, code: string): Promise<BookingRecord | null> {
      const ref = await doc.send(new GetCommand({ TableName, Key: keys.code(providerId, date, code) }));
      return ref.Item?.booking ? toBooking(ref.Item.booking as Record<string, unknown>) : null;
    },

    async listFor(recipientId: string, limit = 50): Promise<BookingRecord[]> {
      const partition = { GSI1PK: keys.bookingsOf(recipientId) };
      const out = await queryPage(
        doc,
        {
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :b)',
          ExpressionAttributeValues: { ':pk': partition.GSI1PK, ':b': keys.bookingIndexPrefix },
          ScanIndexForward: false,
        },
        { limit },
        ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
        partition,
      );
      return out.items.map(toBooking);
    },

    /**
     * One transaction: the meal from the slot (within capacity), the booking, its backup code
     * (unique for the provider that day) and the recipient's counters (within every limit).
     * Either all happen or none; under any concurrency the slot never gives more than capacity.
     * A refusal names its part: `slot` is sold out, `code` collided, `recipient` holds the
     * recipient as it was (which limit bit), `rate` or `idempotency` refused the intent.
     */
    async book(b: BookingRecord, l: BookingLimits, intents: Intents = {}) {
      const c = config.claims;
      return commit(
        ref,
        // Sold out is named before the recipient's own limit, as the sold-out hint does without a round trip.
        withIntents(TableName, {
          slot: {
            Update: {
              TableName,
              Key: keys.slot(b.providerId, b.date, b.offeringId),
              UpdateExpression: `${slotSet} ADD taken :one, booked :one`,
              ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap',
              ExpressionAttributeNames: slotNames,
              ExpressionAttributeValues: { ...slotValues(b, l.capacity), ':one': 1 },
            },
          },
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(b.recipientId),
              UpdateExpression: 'SET liveBooking = :bid, daily.#d = if_not_exists(daily.#d, :zero) + :one, monthly.#m = if_not_exists(monthly.#m, :zero) + :one ADD claims :one',
              ConditionExpression:
                'attribute_exists(PK) AND attribute_not_exists(liveBooking)' +
                ' AND (attribute_not_exists(suspendedUntil) OR suspendedUntil < :today)' +
                ' AND (claims < :free OR verifiedUntil >= :today)' +
                ' AND (attribute_not_exists(daily.#d) OR daily.#d < :perDay)' +
                ' AND (attribute_not_exists(monthly.#m) OR monthly.#m < :perMonth)',
              ExpressionAttributeNames: { '#d': l.today, '#m': l.month },
              ExpressionAttributeValues: {
                ':bid': b.id, ':zero': 0, ':one': 1, ':today': l.today, ':free': c.freeClaims, ':perDay': c.perDay, ':perMonth': c.verifiedPerMonth,
              },
            },
          },
          code: {
            Put: {
              TableName,
              Item: codeItem(b),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          booking: {
            Put: {
              TableName,
              Item: { ...keys.booking(b.id), ...keys.bookingIndex(b.recipientId, b.createdAt, b.id), ...keys.liveBookingIndex(b.date, b.expiresAtLocal, b.id), ...b },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        }, intents),
        config.contention,
        { recipient: toRecipient },
      );
    },

    /**
     * Cancel a live booking; the meal goes back to the slot. `in_time` (by its recipient before the
     * window opened) and `provider_suspended` (by an admin's suspension: never the recipient's
     * fault) give the claim back too; `late` (by its recipient once the window has opened) keeps
     * the claim used and records a no-show, as if they had not come. A recipient's cancel also
     * requires the booking to be theirs.
     */
    async cancel(b: BookingRecord, at: string, how: CancelReason) {
      const recipient: Write =
        how === 'late'
          ? {
              Update: {
                TableName,
                Key: keys.recipient(b.recipientId),
                UpdateExpression: 'REMOVE liveBooking SET noShows = list_append(if_not_exists(noShows, :none), :d)',
                ExpressionAttributeValues: { ':none': [], ':d': [b.date] },
              },
            }
          : {
              Update: {
                TableName,
                Key: keys.recipient(b.recipientId),
                UpdateExpression: 'REMOVE liveBooking SET daily.#d = daily.#d - :one, monthly.#m = monthly.#m - :one ADD claims :minus',
                ExpressionAttributeNames: { '#d': b.date, '#m': b.date.slice(0, 7) },
                ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
              },
            };
      const booking = endBooking(b, 'CANCELLED', at, how === 'provider_suspended' ? undefined : b.recipientId, how);
      return commit(ref, { booking, slot: giveBack(b), code: retireCode(b, 'CANCELLED'), recipient }, config.contention, asBooking);
    },

    /**
     * A provider's bookings still live on `dates` (its code items, in its own partition: no scan of
     * everyone's live bookings). Each item holds the booking as booked; the caller's conditional
     * write on BOOKED is what counts.
     */
    async liveAtProvider(providerId: string, dates: string[]): Promise<BookingRecord[]> {
      const found: BookingRecord[] = [];
      for (const date of dates) {
        const items = await queryAll(doc, {
          TableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :code)',
          ExpressionAttributeValues: { ':pk': keys.providerPK(providerId), ':code': keys.code(providerId, date, '').SK },
        });
        for (const i of items) if (i.booking && (i.booking as BookingRecord).status === 'BOOKED') found.push(toBooking(i.booking as Record<string, unknown>));
      }
      return found;
    },

    /**
     * Hand the meal over: the booking REDEEMED exactly once, the provider's credit held, and —
     * through the `impact` intent — its day's figures, which also count it for its offering (the
     * counter's "redeemed"; the slot, which every booking writes, is left alone). A refusal by
     * `booking` carries the booking as it is now (redeemed, expired, cancelled). The recipient part
     * also records when and where they were last served, on the condition that they are as new as
     * `facts.novelty` says and were last served by `facts.lastServedBy` (refused with their record
     * otherwise: see servedClause); the day item records `facts.capacity` beside the offering's count. `room` is the wrong-code
     * counter a typed code must find room in (checked, not written; named before the booking, so
     * a full counter is what a refused guess hears).
     */
    async redeem(b: BookingRecord, at: string, credit: LedgerRecord | null, facts: RedemptionFacts, intents: Intents & { impact: ImpactIntent }, room?: SharedCounter) {
      const served = servedClause(b.date, facts.novelty, b.providerId, facts.lastServedBy);
      return commit(
        ref,
        withIntents(TableName, {
          room: room && sharedRoomCheck(TableName, room),
          booking: endBooking(b, 'REDEEMED', at),
          ledger: credit ? entryWrite(TableName, credit) : undefined,
          points: credit ? holdWrite(TableName, b.providerId, credit.points, credit.availableAt) : undefined,
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(b.recipientId),
              UpdateExpression: `REMOVE liveBooking SET ${served.set}`,
              ConditionExpression: served.condition,
              ExpressionAttributeValues: served.values,
            },
          },
        }, { ...intents, impact: { ...intents.impact, redeemedOffering: { offeringId: b.offeringId, capacity: facts.capacity } } }),
        config.contention,
        { booking: toBooking, recipient: servedStateOf, room: (old: Record<string, unknown>) => fullness(old, room!) ?? 'shared' },
      );
    },

    /** A no-show: the meal goes back to the slot, the claim stays used, and the no-show is recorded. */
    async expire(b: BookingRecord, at: string) {
      return commit(
        ref,
        {
          booking: endBooking(b, 'EXPIRED', at),
          slot: giveBack(b),
          code: retireCode(b, 'EXPIRED'),
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(b.recipientId),
              UpdateExpression: 'REMOVE liveBooking SET noShows = list_append(if_not_exists(noShows, :none), :d)',
              ExpressionAttributeValues: { ':none': [], ':d': [b.date] },
            },
          },
        },
        config.contention,
      );
    },

    /**
     * Every live booking, of any date, whose no-show time is at or before `untilLocal`
     * (YYYY-MM-DDTHH:MM), so none is left behind however old. GSI2 is sparse: it holds live
     * bookings (a booking leaves it when it ends) and the providers' admin list, so this reads
     * those and nothing else.
     */
    async liveDue(untilLocal: string): Promise<BookingRecord[]> {
      const items = await scanAll(doc, {
        TableName,
        IndexName: 'GSI2',
        FilterExpression: 'begins_with(GSI2PK, :live) AND GSI2SK <= :until',
        ExpressionAttributeValues: { ':live': keys.liveOn(''), ':until': `${untilLocal}#~` },
      });
      return items.map(toBooking);
    },

    async setSuspension(recipientId: string, until: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: keys.recipient(recipientId),
          UpdateExpression: 'SET suspendedUntil = :u',
          ConditionExpression: 'attribute_not_exists(suspendedUntil) OR suspendedUntil < :u',
          ExpressionAttributeValues: { ':u': until },
        }),
      ).catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
    },
  };
}
