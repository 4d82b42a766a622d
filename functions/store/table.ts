/**
 * The one table definition: read by the CDK stack, local mode and the tests. Single-table design;
 * the item shapes live in keys.ts, the only module that spells keys.
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Every key attribute is a string. */
  indexes: [
    // Overloaded: providers by sub-district and status; a recipient's bookings, newest first;
    // verification applications by status; audit entries by target.
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    // Sparse: live (BOOKED) bookings by day and no-show time, for the expiry job; every provider
    // in one partition, for the admin list.
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ] satisfies IndexDefinition[],
  /** Epoch seconds; items past it may vanish at any time, so readers filter them out too. */
  ttlAttribute: 'expiresAt',
} as const;

export type TableDefinition = typeof tableDefinition;

export const defaultTableName = 'mcan';
