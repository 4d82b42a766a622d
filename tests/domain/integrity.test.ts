import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { redemptionSignals, signalsOf } from '../../functions/domain/integrity.js';

const tally = fc
  .record({ redemptions: fc.nat(500), a: fc.nat(500), b: fc.nat(500), c: fc.nat(500), walkIns: fc.nat(50) })
  .map(({ redemptions, a, b, c, walkIns }) => {
    const poster = Math.min(c, redemptions);
    return { redemptions, firstTimers: Math.min(a, redemptions), posterRedemptions: poster, quickRedemptions: Math.min(b, redemptions - poster), walkIns };
  });

describe('integrity signals', () => {
  it('shares stay within 0..1 and a provider is flagged only over enough redemptions', () => {
    fc.assert(
      fc.property(tally, (t) => {
        const s = signalsOf(t, config);
        for (const v of [s.firstTimerShare, s.quickShare, s.posterShare]) expect(v >= 0 && v <= 1).toBe(true);
        if (t.redemptions < config.integrity.minRedemptions) expect(s.flags).toEqual([]);
        expect(s.flags.includes('first_timers')).toBe(t.redemptions >= config.integrity.minRedemptions && s.firstTimerShare >= config.integrity.firstTimerShare);
      }),
    );
  });

  it('a booking redeemed within the quick minutes counts as quick; a poster booking never does', () => {
    const b = { createdAt: '2026-11-29T04:00:00.000Z', channel: 'app' as const };
    expect(redemptionSignals(b, '2026-11-29T04:02:00.000Z', config)).toEqual({ quickRedemptions: 1 });
    expect(redemptionSignals(b, '2026-11-29T04:02:00.001Z', config)).toEqual({});
    expect(redemptionSignals({ ...b, channel: 'poster' }, '2026-11-29T04:00:10.000Z', config)).toEqual({ posterRedemptions: 1 });
  });
});
