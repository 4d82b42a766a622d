import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotGate } from '../../functions/support/slot-gate.js';

describe('the per-slot gate', () => {
  it('never lets more than the limit run at once per slot, runs everything, and frees its lanes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.boolean()), { minLength: 1, maxLength: 60 }), async (limit, jobs) => {
        const gate = slotGate(limit);
        const active: Record<string, number> = {};
        let peak = 0;
        let done = 0;
        await Promise.allSettled(
          jobs.map(([slot, fails]) =>
            gate.run(slot, async () => {
              active[slot] = (active[slot] ?? 0) + 1;
              peak = Math.max(peak, active[slot]!);
              await Promise.resolve();
              active[slot]!--;
              done++;
              if (fails) throw new Error('refused');
            }),
          ),
        );
        expect(peak).toBeLessThanOrEqual(limit);
        expect(done).toBe(jobs.length);
        // Every lane was released: a fresh run on each slot starts at once.
        for (const slot of ['a', 'b', 'c']) expect(await gate.run(slot, async () => active[slot] ?? 0)).toBe(0);
      }),
    );
  });
});
