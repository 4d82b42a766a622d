import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { Page } from '../contract/common.js';
import type { SafetyReportClosure, SafetyReportStatus } from '../contract/thanks.js';
import { queryAll, queryPage, type PageRequest, type TableRef } from './client.js';
import { keys } from './keys.js';
import { withIntents, type Intents } from './intents.js';
import { commit, type Write } from './transaction.js';

/** A thank-you note as stored: which restaurant, what, when — never who wrote it. */
export interface ThanksNote {
  id: string;
  providerId: string;
  note: string;
  at: string;
  hidden: boolean;
}

export interface SafetyReport {
  id: string;
  providerId: string;
  bookingId: string | null;
  text: string;
  at: string;
  status: SafetyReportStatus;
  closed: SafetyReportClosure | null;
}

const toReport = (i: Record<string, unknown>): SafetyReport => ({
  id: i.id as string,
  providerId: i.providerId as string,
  bookingId: (i.bookingId as string | null | undefined) ?? null,
  text: i.text as string,
  at: i.at as string,
  // Reports from before closing existed are open until closed.
  status: (i.status as SafetyReportStatus | undefined) ?? 'OPEN',
  closed: (i.closed as SafetyReportClosure | undefined) ?? null,
});

const GSI1_KEYS = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

const toNote = (i: Record<string, unknown>): ThanksNote => ({ id: i.id as string, providerId: i.providerId as string, note: i.note as string, at: i.at as string, hidden: i.hidden === true });

/** Likes and thank-you notes from the people fed, and food-safety reports for the admins. */
export function thanksStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  return {
    /**
     * One like (and maybe a note) for a redeemed booking, once: the booking is marked thanked on
     * the condition that it is this recipient's, REDEEMED and not thanked before; the note goes
     * in without the booking or the recipient, so the restaurant cannot tell who wrote it.
     */
    async thank(t: { bookingId: string; recipientId: string; providerId: string; at: string; note: { id: string; text: string } | null }, intents: Intents = {}) {
      return commit(ref, withIntents(TableName, {
        booking: {
          Update: {
            TableName,
            Key: keys.booking(t.bookingId),
            UpdateExpression: 'SET thankedAt = :at',
            ConditionExpression: '#status = :redeemed AND recipientId = :rid AND attribute_not_exists(thankedAt)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':at': t.at, ':redeemed': 'REDEEMED', ':rid': t.recipientId },
          },
        },
        likes: { Update: { TableName, Key: keys.likes(t.providerId), UpdateExpression: 'SET providerId = :pid ADD likes :one', ExpressionAttributeValues: { ':pid': t.providerId, ':one': 1 } } },
        note: t.note
          ? { Put: { TableName, Item: { ...keys.thanks(t.note.id), ...keys.thanksIndex(t.providerId, t.at, t.note.id), id: t.note.id, providerId: t.providerId, note: t.note.text, at: t.at, hidden: false } } }
          : undefined,
      }, intents), config.contention);
    },

    /** A provider's visible notes, newest first, a page at a time. */
    async notesOf(providerId: string, page: PageRequest): Promise<Page<ThanksNote>> {
      const pk = keys.thanksOf(providerId);
      const out = await queryPage(doc, { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false }, page, GSI1_KEYS, { GSI1PK: pk });
      return { items: out.items.map(toNote), next: out.next };
    },

    /** A note by id (hidden or not), or null. */
    async note(id: string): Promise<ThanksNote | null> {
      const got = await doc.send(new GetCommand({ TableName, Key: keys.thanks(id) }));
      return got.Item ? toNote(got.Item) : null;
    },

    /** Hide a note everywhere: it leaves the index the lists read. Returns the note as it was, or null. */
    async hide(id: string, intents: Intents = {}): Promise<ThanksNote | null> {
      const r = await commit(ref, withIntents(TableName, {
        note: {
          Update: {
            TableName,
            Key: keys.thanks(id),
            UpdateExpression: 'SET #hidden = :true REMOVE GSI1PK, GSI1SK',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#hidden': 'hidden' },
            ExpressionAttributeValues: { ':true': true },
          },
        },
      }, intents), config.contention);
      if (!r.ok) return null;
      const got = await doc.send(new GetCommand({ TableName, Key: keys.thanks(id), ConsistentRead: true }));
      return got.Item ? toNote(got.Item) : null;
    },

    /** Likes of every provider that has any: one Query over the likes partition. */
    async allLikes(): Promise<Map<string, number>> {
      const items = await queryAll(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.likesPK() } });
      return new Map(items.map((i) => [i.providerId as string, i.likes as number]));
    },

    async likesOf(providerId: string): Promise<number> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.likes(providerId) }));
      return (out.Item?.likes as number | undefined) ?? 0;
    },

    async report(r: Omit<SafetyReport, 'status' | 'closed'>): Promise<void> {
      const item = { ...r, status: 'OPEN', closed: null };
      await doc.send(new PutCommand({ TableName, Item: { ...keys.safetyReport(r.id), ...keys.safetyIndex('OPEN', r.at, r.id), ...item }, ConditionExpression: 'attribute_not_exists(PK)' }));
    },

    /** One page of a status's reports, newest first. */
    async reports(status: SafetyReportStatus, page: PageRequest): Promise<Page<SafetyReport>> {
      const pk = keys.safetyReportsIn(status);
      const out = await queryPage(doc, { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false }, page, GSI1_KEYS, { GSI1PK: pk });
      return { items: out.items.map(toReport), next: out.next };
    },

    async getReport(id: string): Promise<SafetyReport | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.safetyReport(id), ConsistentRead: true }));
      return out.Item ? toReport(out.Item) : null;
    },

    /**
     * Close an open report with what was done: it moves to the closed list. Refused by `report`
     * (old image: null when there is no such report) when it is not open.
     */
    async closeReport(id: string, closed: SafetyReportClosure, intents: Intents = {}) {
      const report: Write = {
        Update: {
          TableName,
          Key: keys.safetyReport(id),
          UpdateExpression: 'SET #s = :closed, closed = :c, GSI1PK = :pk',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#s) OR #s = :open)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':closed': 'CLOSED', ':open': 'OPEN', ':c': closed, ':pk': keys.safetyReportsIn('CLOSED') },
        },
      };
      return commit(ref, withIntents(TableName, { report }, intents), config.contention, { report: toReport });
    },
  };
}
