import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DomainError } from '../domain/errors.js';
import type { TableRef } from './client.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Contention {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Why a transaction was cancelled, item by item; `item` is the item as it was when its condition failed. */
export type Refusal = { code: string; item: Record<string, unknown> | null }[];

const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const RETRYABLE_ERRORS = new Set(['TransactionConflictException', 'TransactionInProgressException', 'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError']);

function isRetryable(e: unknown): boolean {
  if (e instanceof TransactionCanceledException || (e as Error)?.name === 'TransactionCanceledException') {
    const reasons = (e as TransactionCanceledException).CancellationReasons ?? [];
    // Retry only when nothing failed its condition: a real refusal must be reported, not retried.
    return reasons.some((r) => RETRYABLE_REASONS.has(r.Code ?? '')) && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return RETRYABLE_ERRORS.has((e as Error)?.name);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One TransactWriteItems with bounded, jittered retries on contention and throttling (the real
 * service cancels transactions on a hot item; DynamoDB Local never does). Condition failures come
 * back as a value naming each item's reason; when retries run out the caller gets BUSY (503).
 */
export async function transact(ref: TableRef, items: TransactItem[], c: Contention): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
  const withOld = items.map((i) => {
    const op = i.Put ?? i.Update ?? i.Delete ?? i.ConditionCheck;
    if (op && op.ConditionExpression) op.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
    return i;
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await ref.doc.send(new TransactWriteCommand({ TransactItems: withOld }));
      return { ok: true };
    } catch (e) {
      if (isRetryable(e)) {
        if (attempt >= c.maxAttempts) throw new DomainError('BUSY', 'the service is busy; please try again', undefined, 1);
        // Full jitter: spread competing retries out instead of colliding again.
        await sleep(Math.random() * Math.min(c.maxDelayMs, c.baseDelayMs * 2 ** attempt));
        continue;
      }
      if (e instanceof TransactionCanceledException || (e as Error)?.name === 'TransactionCanceledException') {
        const reasons: CancellationReason[] = (e as TransactionCanceledException).CancellationReasons ?? [];
        return { ok: false, refusal: reasons.map((r) => ({ code: r.Code ?? 'None', item: r.Item ? unmarshall(r.Item) : null })) };
      }
      throw e;
    }
  }
}
