import { ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface FaultStats {
  conflicts: number;
  throttles: number;
}

/**
 * What the real DynamoDB does under contention and DynamoDB Local never does: cancel a transaction
 * with TransactionConflict, or throttle it. Injected before the request leaves the client, so a
 * faulted transaction is, as on AWS, not applied.
 */
export function injectTransactionFaults(doc: DynamoDBDocumentClient, rates: { conflict: number; throttle: number }, random: () => number, stats: FaultStats): void {
  doc.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { TransactItems?: unknown[] };
      if (input.TransactItems) {
        const roll = random();
        if (roll < rates.conflict) {
          stats.conflicts++;
          throw new TransactionCanceledException({
            $metadata: {},
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
            CancellationReasons: input.TransactItems.map((_, i) => (i === 0 ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' })),
          });
        }
        if (roll < rates.conflict + rates.throttle) {
          stats.throttles++;
          throw new ThrottlingException({ $metadata: {}, message: 'Throughput exceeds the current capacity for one or more global secondary indexes' });
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectTransactionFaults' },
  );
}
