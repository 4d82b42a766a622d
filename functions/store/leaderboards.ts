import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../contract/common.js';
import type { LeaderboardEntry, LeaderboardVersion, Period, PublishedLeaderboard, Withdrawal } from '../contract/impact.js';
import type { Config } from '../config.js';
import { queryAll, queryPage, type PageRequest, type TableRef } from './client.js';
import { keys } from './keys.js';
import { withIntents, type Intents } from './intents.js';
import { commit, type Write } from './transaction.js';

/** Entries per stored part: a province's board (thousands of entries) never meets the 400 KB item limit. */
const PART_SIZE = 250;
/** Parts per publish transaction, leaving room for the audit item (DynamoDB allows 100 items). */
const MAX_PARTS = 90;

interface Header extends LeaderboardVersion {
  parts: number;
}

const toHeader = (i: Record<string, unknown>): Header => ({
  period: i.period as Period,
  key: i.key as string,
  version: i.version as number,
  publishedAt: i.publishedAt as string,
  withdrawn: (i.withdrawn as Withdrawal | undefined) ?? null,
  parts: i.parts as number,
});

/** What the public may see: versions not withdrawn. Newest first, read on past withdrawn ones. */
const notWithdrawn = { FilterExpression: 'attribute_not_exists(withdrawn)', ScanIndexForward: false } as const;

/**
 * Published leaderboards: numbered versions per period and key, each a header and its entries in
 * parts. Entries never change once published; a header can only gain `withdrawn`, which takes the
 * version off every public read (`get`, `latest`) while admins still list it (`versions`).
 */
export function leaderboardStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;

  async function withEntries(h: Header): Promise<PublishedLeaderboard> {
    const parts = await queryAll(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.leaderboardPartsPK(h.period, h.key, h.version) } });
    const entries = parts.sort((a, b) => String(a.SK).localeCompare(String(b.SK))).flatMap((p) => p.entries as LeaderboardEntry[]);
    return { period: h.period, key: h.key, version: h.version, publishedAt: h.publishedAt, entries };
  }

  return {
    /** The newest version number of a period and key; 0 when none was published. */
    async newestVersion(period: Period, key: string): Promise<number> {
      const out = await doc.send(new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :k)',
        ExpressionAttributeValues: { ':pk': keys.leaderboardsPK(period), ':k': keys.leaderboardVersionsOf(key) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }));
      return (out.Items?.[0]?.version as number | undefined) ?? 0;
    },

    /**
     * Publish `version`: its header and entries in one transaction (with the intents given, such
     * as the audit entry). The header's put is conditional, so two admins publishing at once get
     * versions n and n+1, never one overwriting the other. Refused by `header` when `version` was taken.
     */
    async publish(board: PublishedLeaderboard, intents: Intents = {}) {
      const parts: LeaderboardEntry[][] = [];
      for (let i = 0; i < board.entries.length; i += PART_SIZE) parts.push(board.entries.slice(i, i + PART_SIZE));
      if (parts.length > MAX_PARTS) throw new Error(`a leaderboard of ${board.entries.length} entries exceeds one transaction`);
      const header: Write = {
          Put: {
            TableName,
            Item: { ...keys.leaderboardHeader(board.period, board.key, board.version), period: board.period, key: board.key, version: board.version, publishedAt: board.publishedAt, parts: parts.length },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
      const entryParts = Object.fromEntries(parts.map((entries, i): [string, Write] => [`part${i}`, { Put: { TableName, Item: { ...keys.leaderboardPart(board.period, board.key, board.version, i), entries } } }]));
      return commit(ref, withIntents(TableName, { header, ...entryParts }, intents), config.contention);
    },

    /** One version, or the newest of that key when `version` is left out; a withdrawn one is no longer there. */
    async get(period: Period, key: string, version?: number): Promise<PublishedLeaderboard | null> {
      if (version === undefined) {
        const pk = keys.leaderboardsPK(period);
        const newest = await queryPage(
          doc,
          { TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :k)', ExpressionAttributeValues: { ':pk': pk, ':k': keys.leaderboardVersionsOf(key) }, ...notWithdrawn },
          { limit: 1 },
          ['PK', 'SK'],
          { PK: pk },
        );
        return newest.items[0] ? withEntries(toHeader(newest.items[0])) : null;
      }
      const h = await this.header(period, key, version);
      return h && !h.withdrawn ? withEntries(h) : null;
    },

    /** A version's header, withdrawn or not (read consistently: an admin sees their own change). */
    async header(period: Period, key: string, version: number): Promise<Header | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.leaderboardHeader(period, key, version), ConsistentRead: true }));
      return out.Item ? toHeader(out.Item) : null;
    },

    /**
     * Take a version off the public board: its header gains `withdrawn`, its entries stay as they
     * were published. Refused by `header` (old image: null) when there is no such version, or when
     * it was withdrawn already.
     */
    async withdraw(period: Period, key: string, version: number, withdrawn: Withdrawal, intents: Intents = {}) {
      const header: Write = {
        Update: {
          TableName,
          Key: keys.leaderboardHeader(period, key, version),
          UpdateExpression: 'SET withdrawn = :w',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(withdrawn)',
          ExpressionAttributeValues: { ':w': withdrawn },
        },
      };
      return commit(ref, withIntents(TableName, { header }, intents), config.contention, { header: toHeader });
    },

    /** The published versions of a period type (headers only): newest period first, newest version first within it. */
    async versions(period: Period, page: PageRequest): Promise<Page<LeaderboardVersion>> {
      const pk = keys.leaderboardsPK(period);
      const out = await queryPage(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false }, page, ['PK', 'SK'], { PK: pk });
      return { items: out.items.map(toHeader).map(({ parts: _parts, ...h }) => h), next: out.next };
    },

    /** The newest published leaderboard of a period type not withdrawn: the latest period, its newest version. */
    async latest(period: Period): Promise<PublishedLeaderboard | null> {
      const pk = keys.leaderboardsPK(period);
      const out = await queryPage(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ...notWithdrawn }, { limit: 1 }, ['PK', 'SK'], { PK: pk });
      const h = out.items[0];
      return h ? withEntries(toHeader(h)) : null;
    },
  };
}
