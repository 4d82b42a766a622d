import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import {
  atQuota,
  INTEGRITY_FLAGS,
  judgeAll,
  normalsOf,
  redemptionSignals,
  sharesOf,
  signalsOf,
  zeroTally,
  type IntegrityFlag,
  type Judged,
  type ProviderTally,
  type Shares,
} from '../../functions/domain/integrity.js';

const i = config.integrity;
const SHARE: Record<IntegrityFlag, keyof Shares> = {
  first_timers: 'firstTimerShare',
  quick_redemptions: 'quickShare',
  poster_share: 'posterShare',
  repeat_recipients: 'repeatShare',
  quota_days: 'quotaDayShare',
};

/** A provider's tally: every part within the whole, as the day items can hold them. */
const tally = fc
  .record({ redemptions: fc.nat(120), a: fc.nat(120), b: fc.nat(120), c: fc.nat(120), d: fc.nat(120), days: fc.nat(30), full: fc.nat(30), walkIns: fc.nat(50) })
  .map(({ redemptions, a, b, c, d, days, full, walkIns }): ProviderTally => ({
    redemptions,
    firstTimers: Math.min(a, redemptions),
    quickRedemptions: Math.min(b, redemptions),
    posterRedemptions: Math.min(c, redemptions),
    repeatRedemptions: Math.min(d, redemptions),
    servingDays: Math.min(days, redemptions),
    quotaDays: Math.min(full, days, redemptions),
    walkIns,
  }));
const district = fc.constantFrom('futian', 'lianhua', 'meilin');
const providers = fc.uniqueArray(fc.record({ providerId: fc.stringMatching(/^p[0-9a-f]{4}$/), district, tally }), { selector: (p) => p.providerId, maxLength: 14 });

/** An honest restaurant: booked in the morning, eaten at lunch, a few walk-ins and regulars. */
const honest = (over: Partial<ProviderTally> = {}): ProviderTally => ({
  ...zeroTally(),
  redemptions: 40,
  firstTimers: 10,
  quickRedemptions: 4,
  posterRedemptions: 4,
  repeatRedemptions: 12,
  servingDays: 10,
  quotaDays: 1,
  ...over,
});
/** Staff booking at their own poster with 20 throwaway identities, three free claims each, 20 a day to quota. */
const dealer: ProviderTally = { ...zeroTally(), redemptions: 60, firstTimers: 20, quickRedemptions: 60, posterRedemptions: 60, repeatRedemptions: 40, servingDays: 3, quotaDays: 3 };

describe('one redemption’s signals', () => {
  const b = { createdAt: '2026-11-29T04:00:00.000Z', channel: 'app' as const, providerId: 'p1' };
  it('quick within the minutes, however booked: a poster booking scanned at once counts as quick too', () => {
    expect(redemptionSignals(b, '2026-11-29T04:02:00.000Z', null, config)).toEqual({ quickRedemptions: 1 });
    expect(redemptionSignals(b, '2026-11-29T04:02:00.001Z', null, config)).toEqual({});
    expect(redemptionSignals({ ...b, channel: 'poster' }, '2026-11-29T04:00:10.000Z', null, config)).toEqual({ posterRedemptions: 1, quickRedemptions: 1 });
    expect(redemptionSignals({ ...b, channel: 'poster' }, '2026-11-29T05:00:00.000Z', null, config)).toEqual({ posterRedemptions: 1 });
  });

  it('a repeat when the recipient’s previous meal was at this same provider', () => {
    expect(redemptionSignals(b, '2026-11-29T06:00:00.000Z', 'p1', config)).toEqual({ repeatRedemptions: 1 });
    expect(redemptionSignals(b, '2026-11-29T06:00:00.000Z', 'p2', config)).toEqual({});
  });

  it('an offering-day is at quota when its redemptions reach its capacity; nothing to judge without either', () => {
    expect(atQuota({ redeemed: 20, capacity: 20 })).toBe(true);
    expect(atQuota({ redeemed: 19, capacity: 20 })).toBe(false);
    expect(atQuota({ redeemed: 0, capacity: 20 })).toBeNull();
    expect(atQuota({ redeemed: 5, capacity: null })).toBeNull();
    expect(atQuota({ redeemed: 5, capacity: 0 })).toBeNull();
  });
});

describe('judged against the sub-district', () => {
  it('the poster self-dealer of issue 20 stands out from three honest neighbours; they do not', () => {
    const all: Judged[] = [
      { providerId: 'h1', district: 'futian', tally: honest() },
      { providerId: 'h2', district: 'futian', tally: honest({ posterRedemptions: 8, quickRedemptions: 8, repeatRedemptions: 16 }) },
      { providerId: 'h3', district: 'futian', tally: honest({ redemptions: 25, firstTimers: 12, repeatRedemptions: 5, quotaDays: 3 }) },
      { providerId: 'd', district: 'futian', tally: dealer },
    ];
    const judged = judgeAll(all, config);
    const d = judged.get('d')!;
    expect(d.normal).toMatchObject({ basis: 'district', peers: 3, posterShare: 0.16, repeatShare: 0.3 });
    // A third first-timers: the identities are reused, so that signal alone stays quiet.
    expect(d.flags).toEqual(['quick_redemptions', 'poster_share', 'repeat_recipients', 'quota_days']);
    for (const h of ['h1', 'h2', 'h3']) expect(judged.get(h)!.flags).toEqual([]);
  });

  it('a new programme’s first weeks: everyone serves first-timers, so nobody stands out', () => {
    const all: Judged[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ providerId: id, district: 'futian', tally: honest({ firstTimers: 38, repeatRedemptions: 0 }) }));
    for (const s of judgeAll(all, config).values()) expect(s.flags).toEqual([]);
  });

  it('too few in the sub-district: the programme is the normal; too few there too: only flags that mean something alone', () => {
    const lone: Judged = { providerId: 'x', district: 'meilin', tally: dealer };
    const others: Judged[] = ['a', 'b', 'c'].map((id) => ({ providerId: id, district: 'futian', tally: honest() }));
    expect(normalsOf([lone, ...others], config).get('x')).toMatchObject({ basis: 'programme', peers: 3 });
    const alone = judgeAll([lone], config).get('x')!;
    expect(alone.normal).toBeNull();
    // Walk-ins, regulars and full days are odd only next to neighbours; quick redemptions are odd anywhere.
    expect(alone.flags).toEqual(['quick_redemptions']);
  });

  it('a provider with fewer than minRedemptions is never flagged and is nobody’s peer', () => {
    const small: Judged = { providerId: 's', district: 'futian', tally: { ...dealer, redemptions: i.minRedemptions - 1, quickRedemptions: 9, posterRedemptions: 9, repeatRedemptions: 6, firstTimers: 3 } };
    const all = [small, ...['a', 'b', 'c'].map((id) => ({ providerId: id, district: 'futian', tally: honest() }))];
    expect(judgeAll(all, config).get('s')!.flags).toEqual([]);
    expect(normalsOf(all, config).get('a')).toBeNull();
  });
});

describe('integrity judgement (properties)', () => {
  it('shares and normals stay within 0..1; a flag needs enough redemptions, its floor, and the normal plus its margin', () => {
    fc.assert(
      fc.property(providers, (all) => {
        const judged = judgeAll(all, config);
        for (const p of all) {
          const s = judged.get(p.providerId)!;
          for (const k of Object.values(SHARE)) expect(s[k] >= 0 && s[k] <= 1).toBe(true);
          if (s.normal) for (const k of Object.values(SHARE)) expect(s.normal[k] >= 0 && s.normal[k] <= 1).toBe(true);
          if (p.tally.redemptions < i.minRedemptions) expect(s.flags).toEqual([]);
          for (const flag of s.flags) {
            const rule = i.flags[flag];
            expect(s[SHARE[flag]]).toBeGreaterThanOrEqual(rule.floor);
            if (s.normal) expect(s[SHARE[flag]]).toBeGreaterThanOrEqual(s.normal[SHARE[flag]] + rule.margin - 1e-9);
            else expect(rule.judgedAlone).toBe(true);
          }
          expect(s.flags).toEqual(INTEGRITY_FLAGS.filter((f) => s.flags.includes(f)));
        }
      }),
    );
  });

  it('a provider’s own figures never enter its own normal', () => {
    fc.assert(
      fc.property(providers, tally, (all, other) => {
        fc.pre(all.length > 0);
        const [first, ...rest] = all;
        const before = normalsOf(all, config).get(first!.providerId);
        const after = normalsOf([{ ...first!, tally: other }, ...rest], config).get(first!.providerId);
        // Its own count of redemptions only decides whether it is excluded; the peers are the same.
        expect(after).toEqual(before);
      }),
    );
  });

  it('the order providers are read in changes nothing', () => {
    fc.assert(
      fc.property(providers, fc.func(fc.integer()), (all, key) => {
        const shuffled = [...all].sort((a, b) => key(a.providerId) - key(b.providerId) || a.providerId.localeCompare(b.providerId));
        expect(judgeAll(shuffled, config)).toEqual(judgeAll(all, config));
      }),
    );
  });

  it('more of the same behaviour never lifts a flag: raising one signal’s count keeps that flag', () => {
    fc.assert(
      fc.property(providers, fc.constantFrom('posterRedemptions', 'quickRedemptions', 'repeatRedemptions', 'firstTimers') as fc.Arbitrary<keyof ProviderTally>, (all, field) => {
        fc.pre(all.length > 0);
        const [first] = all;
        const flag = (Object.keys(SHARE) as IntegrityFlag[]).find((f) => SHARE[f] === sharesKeyOf(field))!;
        const normal = normalsOf(all, config).get(first!.providerId) ?? null;
        const was = signalsOf(first!.tally, normal, config).flags.includes(flag);
        const more = { ...first!.tally, [field]: first!.tally.redemptions };
        if (was) expect(signalsOf(more, normal, config).flags).toContain(flag);
      }),
    );
  });

  it('a share is the part over the whole, rounded to thousandths; full days over serving days', () => {
    fc.assert(
      fc.property(tally, (t) => {
        const s = sharesOf(t);
        if (t.redemptions > 0) expect(Math.abs(s.posterShare - t.posterRedemptions / t.redemptions)).toBeLessThanOrEqual(0.0005 + 1e-12);
        if (t.servingDays === 0) expect(s.quotaDayShare).toBe(0);
      }),
    );
  });
});

function sharesKeyOf(field: keyof ProviderTally): keyof Shares {
  return ({ posterRedemptions: 'posterShare', quickRedemptions: 'quickShare', repeatRedemptions: 'repeatShare', firstTimers: 'firstTimerShare' } as Record<string, keyof Shares>)[field]!;
}
