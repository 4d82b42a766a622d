import { useCallback, useRef, useState } from 'react';
import { newIdempotencyKey, type Result } from '../services/request';

export interface IdempotentAction<A extends unknown[], T> {
  /** Runs the action; undefined when one is already running (a double tap). */
  run: (...args: A) => Promise<Result<T> | undefined>;
  /** The running attempt's target (see `targetOf`), or null when idle. */
  busy: string | null;
}

/**
 * A user action that creates something on the server (a booking, a redemption, a walk-in), sent
 * with an Idempotency-Key. The same target retried after a lost answer (NETWORK_ERROR) reuses the
 * key, so the server answers the first request's outcome instead of doing it twice; any real answer
 * ends the attempt, and the next tap gets a fresh key.
 *
 * `targetOf` names what the arguments act on (default: the arguments themselves).
 */
export function useIdempotentAction<A extends unknown[], T>(
  call: (idempotencyKey: string, ...args: A) => Promise<Result<T>>,
  targetOf: (...args: A) => string = (...args) => JSON.stringify(args),
): IdempotentAction<A, T> {
  const [busy, setBusy] = useState<string | null>(null);
  const running = useRef(false);
  const attempt = useRef<{ target: string; key: string } | null>(null);
  const latest = useRef({ call, targetOf });
  latest.current = { call, targetOf };

  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined;
    running.current = true;
    const target = latest.current.targetOf(...args);
    if (attempt.current?.target !== target) attempt.current = { target, key: newIdempotencyKey() };
    setBusy(target);
    try {
      const answer = await latest.current.call(attempt.current.key, ...args);
      if (answer.ok || answer.code !== 'NETWORK_ERROR') attempt.current = null;
      return answer;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  return { run, busy };
}
