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
    // Providers by sub-district and status (public listing, admin views).
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ] satisfies IndexDefinition[],
  /** Epoch seconds; items past it may vanish at any time, so readers filter them out too. */
  ttlAttribute: 'expiresAt',
} as const;

export type TableDefinition = typeof tableDefinition;

export const defaultTableName = 'mcan';
