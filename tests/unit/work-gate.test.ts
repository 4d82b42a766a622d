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

  it('keeps a reserve that open work cannot use: reserved work runs beside a full gate, waits in its own queue and goes first', async () => {
    const gate = workGate(2, 2, () => new Busy(), { running: 1, waiting: 2 });
    const order: string[] = [];
    const releases = new Map<string, () => void>();
    const work = (name: string) => () =>
      new Promise<string>((resolve) => {
        order.push(name);
        releases.set(name, () => resolve(name));
      });
    const settle = (p: Promise<string>) => p.then((v) => v, (e: unknown) => e);
    const tick = () => new Promise((r) => setImmediate(r));
    // The open share fills: 2 running, 2 waiting, the rest refused at once.
    const open = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((n) => settle(gate.run(work(n))));
    await tick();
    expect(await Promise.all(open.slice(4))).toEqual([expect.any(Busy), expect.any(Busy)]);
    // Reserved work starts at once in the reserve's slot; two more wait in its own queue; a fourth is refused.
    const reserved = ['r1', 'r2', 'r3', 'r4'].map((n) => settle(gate.run(work(n), 'reserved')));
    await tick();
    expect(order).toEqual(['o1', 'o2', 'r1']);
    expect(await reserved[3]).toBeInstanceOf(Busy);
    // A freed slot goes to waiting reserved work before open work queued earlier.
    releases.get('o1')!();
    await tick();
    expect(order).toEqual(['o1', 'o2', 'r1', 'r2']);
    releases.get('r1')!();
    await tick();
    expect(order.at(-1)).toBe('r3');
    // With no reserved work waiting, open work gets slots again, but only its own share: o2 still
    // runs, so of the two freed slots o3 takes one and o4 waits for o2.
    releases.get('r2')!();
    releases.get('r3')!();
    await tick();
    expect(order).toEqual(['o1', 'o2', 'r1', 'r2', 'r3', 'o3']);
    releases.get('o2')!();
    await tick();
    expect(order.at(-1)).toBe('o4');
    for (const n of ['o3', 'o4']) releases.get(n)!();
    expect(await Promise.all([...open.slice(0, 4), ...reserved.slice(0, 3)])).toEqual(['o1', 'o2', 'o3', 'o4', 'r1', 'r2', 'r3']);
  });

  it('never lets open work into the reserve: with every open slot taken, open work waits even while a reserved slot is free', async () => {
    const gate = workGate(1, 1, () => new Busy(), { running: 1, waiting: 0 });
    const releases: (() => void)[] = [];
    const work = () => new Promise<void>((resolve) => releases.push(resolve));
    const first = gate.run(work);
    const second = gate.run(work);
    await new Promise((r) => setImmediate(r));
    expect(releases).toHaveLength(1);
    await expect(gate.run(work)).rejects.toBeInstanceOf(Busy);
    releases.shift()!();
    await first;
    await new Promise((r) => setImmediate(r));
    releases.shift()!();
    await second;
  });
});
