import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { LedgerReason } from '../contract/points.js';
import type { Page } from '../contract/common.js';
import { balanceOf, maturedHolds, type Balance, type PointsState } from '../domain/points.js';
import { batchGetAll, isConditionFailure, queryPage, type PageRequest, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit, type Write } from './transaction.js';
import type { LedgerRecord } from './records.js';

/**
 * The append-only ledger of a provider and its balance item, kept in step by transactions.
 *
 * The balance item holds `available` (spendable, never below zero: every debit is conditioned on
 * it), `pending` (held credits) and one `hold:<availableAt>` counter per hour in which held
 * credits mature — so a week's hold is at most 168 small counters, and no job has to release
 * them: a reader adds the matured ones, and a spender first moves them into `available`. Which
 * ones have matured is domain/points.ts's rule (`holdMatured`), which also honours `frozenSince`:
 * set while the provider's integrity flag awaits an administrator (store/integrity.ts writes it
 * with the flag, and removes it with the clear).
 */
const HOLD = 'hold:';

export type { Balance };

/** The balance item as the domain reads it. */
export function pointsStateOf(item: Record<string, unknown> | undefined): PointsState {
  const holds = Object.entries(item ?? {})
    .filter(([k]) => k.startsWith(HOLD))
    .map(([k, v]) => ({ at: k.slice(HOLD.length), points: v as number }));
  return { available: (item?.available as number | undefined) ?? 0, holds, frozenSince: (item?.frozenSince as string | undefined) ?? null };
}

const ENTRY_FIELDS = ['id', 'providerId', 'points', 'reason', 'ref', 'note', 'at', 'availableAt'] as const;
export const toLedgerRecord = (i: Record<string, unknown>): LedgerRecord =>
  Object.fromEntries(ENTRY_FIELDS.map((f) => [f, i[f] ?? null])) as unknown as LedgerRecord;

/** The entry itself (a fresh item, never edited). */
export const entryWrite = (TableName: string, e: LedgerRecord): Write => ({
  Put: { TableName, Item: { ...keys.ledgerEntry(e.providerId, e.at, e.id), ...e }, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** A held credit: counted as pending until its hour. */
export const holdWrite = (TableName: string, providerId: string, points: number, availableAt: string): Write => ({
  Update: {
    TableName,
    Key: keys.points(providerId),
    UpdateExpression: 'SET providerId = :pid, #h = if_not_exists(#h, :zero) + :pts ADD pending :pts',
    ExpressionAttributeNames: { '#h': HOLD + availableAt },
    ExpressionAttributeValues: { ':pid': providerId, ':pts': points, ':zero': 0 },
  },
});

/** A change to what is spendable; a debit never takes `available` below zero. */
export const availableWrite = (TableName: string, providerId: string, points: number): Write => ({
  Update: {
    TableName,
    Key: keys.points(providerId),
    UpdateExpression: 'SET providerId = :pid ADD available :pts',
    ...(points < 0 ? { ConditionExpression: 'available >= :need' } : {}),
    ExpressionAttributeValues: { ':pid': providerId, ':pts': points, ...(points < 0 ? { ':need': -points } : {}) },
  },
});

/** Take back a held credit before it matures; refused if that hour's counter no longer holds it. */
export const unholdWrite = (TableName: string, providerId: string, points: number, availableAt: string): Write => ({
  Update: {
    TableName,
    Key: keys.points(providerId),
    UpdateExpression: 'ADD #h :minus, pending :minus',
    ConditionExpression: '#h >= :pts',
    ExpressionAttributeNames: { '#h': HOLD + availableAt },
    ExpressionAttributeValues: { ':pts': points, ':minus': -points },
  },
});

/**
 * Counts `points` more of a credit as reversed: refused when that would take the reversals of it
 * past the credit itself, however many race. A marker from before partial reversals holds no
 * count (only the reversal's id): that credit was reversed whole, and is refused too.
 */
export const reversedWrite = (TableName: string, credit: LedgerRecord, reversalId: string, points: number): Write => ({
  Update: {
    TableName,
    Key: keys.reversed(credit.providerId, credit.id),
    UpdateExpression: 'SET lastReversalId = :rid ADD reversedPoints :pts',
    ConditionExpression: 'attribute_not_exists(PK) OR reversedPoints <= :room',
    ExpressionAttributeValues: { ':rid': reversalId, ':pts': points, ':room': credit.points - points },
  },
});

/** How much of a credit its marker says is reversed (a marker without a count: all of it). */
const reversedIn = (marker: Record<string, unknown> | undefined, credit: Pick<LedgerRecord, 'points'>): number =>
  marker ? ((marker.reversedPoints as number | undefined) ?? credit.points) : 0;

/**
 * The integrity freeze (see PointsState.frozenSince): from `since`, no held credit matures until
 * `thawWrite`. An earlier freeze stands (it is the one the flag was raised with).
 */
export const freezeWrite = (TableName: string, providerId: string, since: string): Write => ({
  Update: {
    TableName,
    Key: keys.points(providerId),
    UpdateExpression: 'SET providerId = :pid, frozenSince = if_not_exists(frozenSince, :since)',
    ExpressionAttributeValues: { ':pid': providerId, ':since': since },
  },
});

/** The freeze lifted: every held credit matures at its own `availableAt` again (the overdue ones at once). */
export const thawWrite = (TableName: string, providerId: string): Write => ({
  Update: { TableName, Key: keys.points(providerId), UpdateExpression: 'SET providerId = :pid REMOVE frozenSince', ExpressionAttributeValues: { ':pid': providerId } },
});

export const ledgerRecord = (e: Omit<LedgerRecord, 'note' | 'availableAt'> & { note?: string | null; availableAt?: string }): LedgerRecord => ({
  ...e,
  note: e.note ?? null,
  availableAt: e.availableAt ?? e.at,
});

export type { LedgerReason };

export function pointsStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  /** The balance item as the domain reads it (holds, freeze). */
  async function state(providerId: string): Promise<PointsState> {
    const out = await doc.send(new GetCommand({ TableName, Key: keys.points(providerId), ConsistentRead: true }));
    return pointsStateOf(out.Item);
  }
  return {
    state,

    async balance(providerId: string, nowIso: string): Promise<Balance> {
      return balanceOf(await state(providerId), nowIso);
    },

    /**
     * Move matured holds into `available`. Each moved counter is conditioned on its value as read,
     * and the freeze on what was read too, so racing settlers move it once, and a flag raised
     * meanwhile keeps what it froze; a loser simply leaves it (the debit that follows is
     * conditioned on `available` all the same).
     */
    async settle(providerId: string, nowIso: string): Promise<void> {
      const read = await state(providerId);
      const due = maturedHolds(read, nowIso);
      if (due.length === 0) return;
      const sum = due.reduce((s, h) => s + h.points, 0);
      const names = Object.fromEntries(due.map((h, i) => [`#h${i}`, HOLD + h.at]));
      const values = Object.fromEntries(due.map((h, i) => [`:v${i}`, h.points]));
      const freeze = read.frozenSince === null ? 'attribute_not_exists(frozenSince)' : 'frozenSince = :frozen';
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: keys.points(providerId),
            UpdateExpression: `REMOVE ${due.map((_, i) => `#h${i}`).join(', ')} ADD available :sum, pending :minus`,
            ConditionExpression: [...due.map((_, i) => `#h${i} = :v${i}`), freeze].join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ...values, ':sum': sum, ':minus': -sum, ...(read.frozenSince === null ? {} : { ':frozen': read.frozenSince }) },
          }),
        );
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
      }
    },

    /** An adjustment: its entry and its effect on what is spendable (a debit only down to zero). */
    async adjust(e: LedgerRecord, intents: Intents = {}) {
      return commit(ref, withIntents(TableName, { points: availableWrite(TableName, e.providerId, e.points), ledger: entryWrite(TableName, e) }, intents), config.contention);
    },

    /**
     * A reversal of part or all of `credit` (`e.points` is minus the part): `reversed` refuses it
     * past what is left of the credit; from its hold while `held`, else from what is spendable
     * (`points` refuses if that would go below zero).
     */
    async reverse(credit: LedgerRecord, e: LedgerRecord, held: boolean, intents: Intents = {}) {
      const part = -e.points;
      return commit(
        ref,
        withIntents(TableName, {
          reversed: reversedWrite(TableName, credit, e.id, part),
          points: held ? unholdWrite(TableName, credit.providerId, part, credit.availableAt) : availableWrite(TableName, credit.providerId, -part),
          ledger: entryWrite(TableName, e),
        }, intents),
        config.contention,
      );
    },

    /** How much of one credit is reversed so far, read consistently (what a new reversal may still take). */
    async reversedOf(credit: LedgerRecord): Promise<number> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.reversed(credit.providerId, credit.id), ConsistentRead: true }));
      return reversedIn(out.Item, credit);
    },

    /** How much of each of these credits is reversed so far (ledger pages show it); credits never reversed are left out. */
    async reversedOfMany(credits: LedgerRecord[]): Promise<Map<string, number>> {
      const items = await batchGetAll(doc, TableName, credits.map((c) => keys.reversed(c.providerId, c.id)));
      const bySk = new Map(items.map((i) => [i.SK as string, i]));
      const found = new Map<string, number>();
      for (const c of credits) {
        const marker = bySk.get(keys.reversed(c.providerId, c.id).SK);
        if (marker) found.set(c.id, reversedIn(marker, c));
      }
      return found;
    },

    /** Newest first. */
    async entries(providerId: string, page: PageRequest): Promise<Page<LedgerRecord>> {
      const pk = keys.providerPK(providerId);
      const out = await queryPage(
        doc,
        { TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': keys.ledgerPrefix }, ScanIndexForward: false },
        page,
        ['PK', 'SK'],
        { PK: pk },
      );
      return { items: out.items.map(toLedgerRecord), next: out.next };
    },

    /** One entry by id: a walk of the provider's ledger (admins' reversals are rare; the ledger is keyed by time). */
    async entry(providerId: string, entryId: string): Promise<LedgerRecord | null> {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
            FilterExpression: 'id = :id',
            ExpressionAttributeValues: { ':pk': keys.providerPK(providerId), ':p': keys.ledgerPrefix, ':id': entryId },
            ExclusiveStartKey: start,
          }),
        );
        if (out.Items?.[0]) return toLedgerRecord(out.Items[0]);
        start = out.LastEvaluatedKey;
      } while (start);
      return null;
    },
  };
}
