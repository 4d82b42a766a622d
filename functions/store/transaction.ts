import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { busy } from '../domain/errors.js';
import type { TableRef } from './client.js';

/** One write of a transaction as DynamoDB takes it. Built only inside store/; nothing above sees one. */
export type Write = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A transaction: named parts written all or nothing. A part left `undefined` is not written
 * (an idempotency record without a key, say). Key order is priority order: when several parts
 * refuse at once, the first one listed is the one reported — so a replay (idempotency) is named
 * before a sell-out, and a sell-out before a code collision.
 */
export type Parts = Record<string, Write | undefined>;

export interface Contention {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** How a part's old image becomes a record (e.g. the booking as it was when its condition failed). */
export type Decoders<P> = { [K in keyof P]?: (item: Record<string, unknown>) => unknown };

type Image<P, D, K extends keyof P> = K extends keyof D ? (D[K] extends (item: Record<string, unknown>) => infer T ? T : never) : Record<string, unknown>;

/** Which part refused and what it held then (null when the item did not exist). */
export type Refused<P, D = object> = { [K in keyof P & string]: { ok: false; part: K; old: Image<P, D, K> | null } }[keyof P & string];
export type Outcome<P, D = object> = { ok: true } | Refused<P, D>;

const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const RETRYABLE_ERRORS = new Set(['TransactionConflictException', 'TransactionInProgressException', 'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError']);

const isCancelled = (e: unknown): e is TransactionCanceledException =>
  e instanceof TransactionCanceledException || (e as Error)?.name === 'TransactionCanceledException';

function isRetryable(e: unknown): boolean {
  if (isCancelled(e)) {
    const reasons = e.CancellationReasons ?? [];
    // Retry only when nothing failed its condition: a real refusal must be reported, not retried.
    return reasons.some((r) => RETRYABLE_REASONS.has(r.Code ?? '')) && !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return RETRYABLE_ERRORS.has((e as Error)?.name);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one place a transaction is sent and retried: bounded, jittered retries on contention and
 * throttling (the real service cancels transactions on a hot item; DynamoDB Local never does).
 * A failed condition comes back as a value naming the part and its old image; when retries run
 * out the caller gets BUSY (503, safe to retry).
 */
export async function commit<P extends Parts, D extends Decoders<P> = object>(ref: TableRef, parts: P, c: Contention, decode?: D): Promise<Outcome<P, D>> {
  const names: string[] = [];
  const items: Write[] = [];
  for (const [name, write] of Object.entries(parts)) {
    if (!write) continue;
    const op = write.Put ?? write.Update ?? write.Delete ?? write.ConditionCheck;
    if (op?.ConditionExpression) op.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
    names.push(name);
    items.push(write);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await ref.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (e) {
      if (isRetryable(e)) {
        if (attempt >= c.maxAttempts) throw busy();
        // Full jitter: spread competing retries out instead of colliding again.
        await sleep(Math.random() * Math.min(c.maxDelayMs, c.baseDelayMs * 2 ** attempt));
        continue;
      }
      if (!isCancelled(e)) throw e;
      const reasons: CancellationReason[] = e.CancellationReasons ?? [];
      const i = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (i < 0) throw e;
      const part = names[i]!;
      const raw = reasons[i]!.Item ? unmarshall(reasons[i]!.Item) : null;
      const decoder = (decode as Record<string, ((item: Record<string, unknown>) => unknown) | undefined> | undefined)?.[part];
      return { ok: false, part, old: raw && decoder ? decoder(raw) : raw } as Refused<P, D>;
    }
  }
}
