/**
 * At most `limit` booking transactions in flight per slot from this process; the rest wait their
 * turn. Transactions on one slot item serialise in DynamoDB anyway (and conflict on AWS when
 * they collide); waiting here instead lets a request that reaches the front after the slot sold
 * out be refused by the sold-out hint without a round trip. Lambda serves one request per
 * instance, so this matters to the local server and any long-running host.
 */
export interface SlotGate {
  run<T>(slot: string, work: () => Promise<T>): Promise<T>;
}

export function slotGate(limit: number): SlotGate {
  const lanes = new Map<string, { active: number; waiting: (() => void)[] }>();
  return {
    async run(slot, work) {
      let lane = lanes.get(slot);
      if (!lane) lanes.set(slot, (lane = { active: 0, waiting: [] }));
      if (lane.active >= limit) await new Promise<void>((r) => lane!.waiting.push(r));
      else lane.active++;
      try {
        return await work();
      } finally {
        const next = lane.waiting.shift();
        // Hand the place straight to the next in line; drop the lane when nobody needs it.
        if (next) next();
        else if (--lane.active === 0) lanes.delete(slot);
      }
    },
  };
}
