import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

// Issue 8, observation 8: from another address on the same network, DynamoDB Local's table could be
// scanned (the admin password hash included) and an admin account written in. The run's DynamoDB
// Local (started by the global setup exactly as `npm start` starts it) must answer on 127.0.0.1
// and refuse every other address of this machine.

/** 'open' when a TCP connection is accepted, else the error code (ECONNREFUSED…). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((done) => {
    const s = connect({ host, port, timeout: 3000 });
    s.once('connect', () => {
      s.destroy();
      done('open');
    });
    s.once('timeout', () => {
      s.destroy();
      done('timeout');
    });
    s.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

/** This machine's other addresses: every non-internal IPv4 one, and another loopback address. */
function otherAddresses(): string[] {
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  // 127.0.0.2 is this machine too, but not the address bound: it proves the bind even where the
  // machine has no network at all.
  return [...external, '127.0.0.2'];
}

describe('DynamoDB Local listens on loopback only', () => {
  it('answers on 127.0.0.1 and refuses the machine’s other addresses', async () => {
    const port = Number(new URL(inject('dynamoEndpoint')).port);
    expect(await tryConnect('127.0.0.1', port)).toBe('open');
    const others = otherAddresses();
    const results = await Promise.all(others.map(async (host) => [host, await tryConnect(host, port)] as const));
    for (const [host, result] of results) expect({ host, result }).toEqual({ host, result: 'ECONNREFUSED' });
    // Where the machine has a network address, that is the one an attacker would use.
    if (others.length > 1) expect(others[0]).not.toMatch(/^127\./);
  });
});
