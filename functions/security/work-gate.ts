/**
 * At most `running` pieces of costly work at once in this process, `waiting` more queued; beyond
 * that the work is refused at once with `busy()` instead of queueing without bound. A flood of
 * password checks then costs a few cores' worth of scrypt, and a real sign-in behind it waits for
 * at most the queue, not the flood.
 *
 * A `reserve` is held back for work the caller vouches for (sign-ins from known devices): such
 * work may also run in `reserve.running` extra slots, waits in a queue of its own
 * (`reserve.waiting`) and is served first whenever a slot frees. Open work can neither use the
 * extra slots nor fill that queue, so however much of it arrives, vouched-for work never gets
 * `busy()` from it: at worst it waits for one piece of work to finish.
 */
export interface WorkGate {
  run<T>(work: () => Promise<T>, lane?: Lane): Promise<T>;
}

/** `open`: anyone's work; `reserved`: work that may use the reserve too. */
export type Lane = 'open' | 'reserved';

export function workGate(running: number, waiting: number, busy: () => Error, reserve = { running: 0, waiting: 0 }): WorkGate {
  let active = 0;
  const open: (() => void)[] = [];
  const reserved: (() => void)[] = [];
  // A finished piece hands its slot straight on (so `active` stays counted): to reserved work
  // first, then to open work if the slot is one of the open ones. Open work waits only while
  // `active >= running`, so whenever it could start, this is where it is woken.
  const next = () => {
    const first = reserved.shift() ?? (active <= running ? open.shift() : undefined);
    if (first) first();
    else active--;
  };
  return {
    async run(work, lane = 'open') {
      const [cap, queue, room] = lane === 'reserved' ? [running + reserve.running, reserved, reserve.waiting] : [running, open, waiting];
      // Reserved work queues only once every slot is taken, so open work never overtakes it.
      if (active >= cap) {
        if (queue.length >= room) throw busy();
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
