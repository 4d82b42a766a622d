/**
 * At most `running` pieces of costly work at once in this process, `waiting` more queued; beyond
 * that the work is refused at once with `busy()` instead of queueing without bound. A flood of
 * password checks then costs a few cores' worth of scrypt, and a real sign-in behind it waits for
 * at most the queue, not the flood.
 */
export interface WorkGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function workGate(running: number, waiting: number, busy: () => Error): WorkGate {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    active--;
    queue.shift()?.();
  };
  return {
    async run(work) {
      if (active >= running) {
        if (queue.length >= waiting) throw busy();
        // `next` hands its slot straight to the first in line, so `active` stays counted.
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        next();
      }
    },
  };
}
