import { describe, expect, it } from 'vitest';
import { workGate } from '../../functions/security/work-gate.js';

class Busy extends Error {}

describe('the work gate (cap on concurrent password hashing)', () => {
  it('runs at most `running` at once, queues `waiting` more, and refuses the rest at once', async () => {
    const gate = workGate(2, 3, () => new Busy());
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      new Promise<string>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        releases.push(() => {
          active--;
          resolve('done');
        });
      });
    const runs = Array.from({ length: 10 }, () => gate.run(work).then((v) => v, (e: unknown) => e));
    // Everything beyond 2 running + 3 waiting is refused before any work finishes.
    const settled = await Promise.race([Promise.all(runs.slice(5)), new Promise((r) => setTimeout(() => r('pending'), 50))]);
    expect(settled).toEqual(Array(5).fill(expect.any(Busy)));
    expect(active).toBe(2);
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(runs.slice(0, 5))).toEqual(Array(5).fill('done'));
    expect(peak).toBe(2);
  });

  it('frees its slot when the work fails', async () => {
    const gate = workGate(1, 0, () => new Busy());
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
