/**
 * The one table definition: read by the CDK stack, local mode and the tests. Single-table design;
 * the item shapes live in keys.ts, the only module that spells keys.
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /**
   * What the index copies of each item: its keys alone. Readers fetch the items it names from the
   * table (store/client.ts), so an index never shows a function more than its grant on the table
   * lets it read, and costs no more than its keys to write.
   */
  projection: 'KEYS_ONLY';
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Every key attribute is a string. */
  indexes: [
    // Overloaded: providers by sub-district and status; a recipient's bookings, newest first;
    // verification applications by status; audit entries by target.
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: 'KEYS_ONLY' },
    // Sparse: live (BOOKED) bookings by day and no-show time, for the expiry job; every provider
    // in one partition, for the admin list.
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projection: 'KEYS_ONLY' },
    // A provider's audit family: entries about it and its parts (offerings, staff, points,
    // exchanges, notes, reports), which GSI1 files under each part's own id.
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'KEYS_ONLY' },
  ] satisfies IndexDefinition[],
  /** Epoch seconds; items past it may vanish at any time, so readers filter them out too. */
  ttlAttribute: 'expiresAt',
} as const;

export type TableDefinition = typeof tableDefinition;

export const defaultTableName = 'mcan';
