import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logLevelFrom, telemetry } from '../../functions/observability/telemetry.js';

// Powertools writes EMF documents and log lines to stdout; capture them as CloudWatch would.
let lines: Record<string, any>[] = [];
beforeEach(() => {
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const l of String(chunk).split('\n').filter(Boolean)) {
      try {
        lines.push(JSON.parse(l) as Record<string, any>);
      } catch {
        // not ours
      }
    }
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const emf = () => lines.filter((l) => l._aws?.CloudWatchMetrics);
const metricNames = (l: Record<string, any>) => (l._aws.CloudWatchMetrics[0].Metrics as { Name: string }[]).map((m) => m.Name);

describe('telemetry', () => {
  it('counts bookings, redemptions and refusals by code in EMF under the Mcan namespace', () => {
    const t = telemetry({ service: 'mcan-recipient', emitMetrics: true, logLevel: 'INFO' });
    t.succeeded({ name: 'createBooking', group: 'recipient' }, { providerId: 'p_1' });
    t.succeeded({ name: 'redeem', group: 'staff' });
    t.refused({ name: 'createBooking', group: 'recipient' }, 'QUOTA_EXHAUSTED');
    t.refused({ name: 'createBooking', group: 'recipient' }, 'BUSY');
    t.flush();
    const docs = emf();
    expect(docs.every((d) => d._aws.CloudWatchMetrics[0].Namespace === 'Mcan')).toBe(true);
    const refusals = docs.filter((d) => metricNames(d).includes('Refusals'));
    expect(refusals.map((d) => d.code).sort()).toEqual(['BUSY', 'QUOTA_EXHAUSTED']);
    const buffered = docs.find((d) => metricNames(d).includes('Bookings'))!;
    expect(buffered).toMatchObject({ Bookings: 1, Redemptions: 1, SoldOuts: 1, Busy: 1 });
    // The booking event line names the provider (for the per-provider velocity rule), nothing personal.
    expect(lines).toContainEqual(expect.objectContaining({ message: 'event', event: 'Bookings', providerId: 'p_1', service: 'mcan-recipient' }));
  });

  it('counts sign-in failures only on sign-in routes', () => {
    const t = telemetry({ service: 'mcan-signin', emitMetrics: true, logLevel: 'INFO' });
    t.refused({ name: 'createStaffSession', group: 'signin' }, 'UNAUTHENTICATED');
    t.refused({ name: 'getMe', group: 'recipient' }, 'UNAUTHENTICATED');
    t.flush();
    const counted = emf().filter((d) => metricNames(d).includes('SignInFailures'));
    expect(counted.map((d) => d.SignInFailures)).toEqual([1]);
  });

  it('writes no metrics locally, and nothing when nothing happened', () => {
    const local = telemetry({ service: 'mcan-local', emitMetrics: false, logLevel: 'INFO' });
    local.succeeded({ name: 'createBooking', group: 'recipient' }, { providerId: 'p_1' });
    local.flush();
    expect(emf()).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'Bookings' }));
    const idle = telemetry({ service: 'mcan-public', emitMetrics: true, logLevel: 'INFO' });
    lines = [];
    idle.succeeded({ name: 'listProviders', group: 'public' });
    idle.flush();
    expect(lines).toEqual([]);
  });

  it('local mode logs at WARN unless LOG_LEVEL (or POWERTOOLS_LOG_LEVEL) says otherwise: no event line per booking', () => {
    expect(logLevelFrom({}, 'WARN')).toBe('WARN');
    expect(logLevelFrom({ LOG_LEVEL: 'info' }, 'WARN')).toBe('INFO');
    expect(logLevelFrom({ POWERTOOLS_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'DEBUG' }, 'WARN')).toBe('ERROR');
    expect(() => logLevelFrom({ LOG_LEVEL: 'loud' }, 'WARN')).toThrow(/LOG_LEVEL must be one of/);
    const quiet = telemetry({ service: 'mcan-local', emitMetrics: false, logLevel: 'WARN' });
    quiet.succeeded({ name: 'createBooking', group: 'recipient' }, { providerId: 'p1' });
    expect(lines).toEqual([]);
    const chatty = telemetry({ service: 'mcan-local', emitMetrics: false, logLevel: logLevelFrom({ LOG_LEVEL: 'INFO' }, 'WARN') });
    chatty.succeeded({ name: 'createBooking', group: 'recipient' }, { providerId: 'p1' });
    expect(lines).toMatchObject([{ level: 'INFO', message: 'event', event: 'Bookings', providerId: 'p1' }]);
  });
});
