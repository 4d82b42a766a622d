/**
 * The service clock. Normally the real time; with --test-clock, POST /__test__/clock freezes it
 * at a chosen instant (or back to real time with {"now": null}) for every rule, job and token.
 */
export interface Clock {
  now(): Date;
  set(at: Date | null): void;
}

export function settableClock(): Clock {
  let frozen: Date | null = null;
  return {
    now: () => (frozen ? new Date(frozen) : new Date()),
    set: (at) => {
      frozen = at;
    },
  };
}
