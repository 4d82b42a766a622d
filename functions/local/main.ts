/**
 * `npm start`: DynamoDB Local, the table, demo data, the API, the H5 app — one command, one URL.
 *   --data DIR     keep data (and local secrets) in DIR across restarts (default: in memory)
 *   --no-seed      start empty except for the admin account and the sub-districts
 *   --no-history   seed the demo providers without their year of history (written in the background)
 *   --test-clock   enable POST /__test__/clock
 *   --no-device-keys  recipients sign in by phone (SMS codes are printed here), as on AWS
 *   --require-totp    owners and clerks must turn on two-step sign-in before they act, as on AWS
 *   --dynamodb-any-interface  accept DynamoDB Local on every interface where Java has no compiler
 *                  (a JRE only) to bind it to 127.0.0.1; only on a machine no one else can reach
 * Env: PORT (8787), DYNAMODB_PORT (8000), MCAN_ADMIN_PASSWORD, WECHAT_APP_ID, WECHAT_APP_SECRET,
 * LOG_LEVEL (WARN: start-up, warnings and errors; INFO adds a line per booking, redemption and
 * failed sign-in, as on AWS).
 */
import { parseArgs } from 'node:util';
import { config, type Config } from '../config.js';
import { demoOffice, demoProviders, demoStaffPassword } from '../seed/demo.js';
import { defaultTableName } from '../store/table.js';
import { startApp } from './app.js';
import { ensureH5Build } from './app-build.js';
import { assertPortFree, startDynamoLocal, type DynamoLocal } from './dynamodb-local.js';
import { javaProblem } from './prerequisites.js';
import { wechatFromEnv } from './wechat-env.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1–65535), not "${raw}".`);
  return port;
}

/** The config as the flags change it (undefined: the defaults). */
function settings(noClientLimits: boolean, requireTotp: boolean): Config | undefined {
  if (!noClientLimits && !requireTotp) return undefined;
  return {
    ...config,
    ...(noClientLimits ? { clients: { ...config.clients, newDevicesPerMinute: 1_000_000, phoneChallengesPerHour: 1_000_000 } } : {}),
    ...(requireTotp ? { office: { ...config.office, requireTotp: true } } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      'no-history': { type: 'boolean', default: false },
      'test-clock': { type: 'boolean', default: false },
      'no-device-keys': { type: 'boolean', default: false },
      'require-totp': { type: 'boolean', default: false },
      'dynamodb-any-interface': { type: 'boolean', default: false },
      // For load and crash tests on one machine, where every simulated person shares 127.0.0.1.
      'no-client-limits': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = portFromEnv('PORT', 8787);
  const dynamoPort = portFromEnv('DYNAMODB_PORT', 8000);
  const started = Date.now();
  // Refuse a missing Java or a taken port before spending time on the build or DynamoDB Local.
  const noJava = javaProblem();
  if (noJava) throw new Error(noJava);
  await assertPortFree(port, '127.0.0.1', 'the M餐 server');
  const staticDir = ensureH5Build();

  let dynamo: DynamoLocal | null = null;
  let stopping = false;
  const stop = async (app?: { stop(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    await app?.stop().catch(() => undefined);
    await dynamo?.stop();
  };
  try {
    dynamo = await startDynamoLocal({ port: dynamoPort, dataDir: values.data, anyInterface: values['dynamodb-any-interface'] });
    const app = await startApp({
      dynamoEndpoint: dynamo.endpoint,
      tableName: defaultTableName,
      port,
      seed: !values['no-seed'],
      history: !values['no-history'],
      testClock: values['test-clock'],
      deviceKeys: !values['no-device-keys'],
      config: settings(values['no-client-limits'], values['require-totp']),
      adminPassword: process.env.MCAN_ADMIN_PASSWORD || undefined,
      dataDir: values.data,
      staticDir,
      wechat: wechatFromEnv(process.env),
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => void stop(app).then(() => process.exit(0)));
    }
    printBanner(app.url, app.adminPassword, !values['no-seed'], values.data, Date.now() - started, values['test-clock'], values['require-totp']);
    if (app.historyReady) {
      console.log('Demo history: a year of figures is being written in the background…');
      app.historyReady.then(
        (h) => console.log(h.loaded
          ? `Demo history ready in ${(h.ms / 1000).toFixed(1)} s: ${h.meals!.toLocaleString('en')} meals, ${h.personTimes!.toLocaleString('en')} person-times, ¥${h.yuan!.toLocaleString('en')}, ${h.people!.toLocaleString('en')} people.`
          : 'Demo history: already in the data folder.'),
        (e: unknown) => console.error(`Demo history failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

function printBanner(url: string, adminPassword: string, seeded: boolean, dataDir: string | undefined, ms: number, testClock: boolean, requireTotp: boolean) {
  const lines = [
    '',
    `M餐 is running at ${url}   (started in ${(ms / 1000).toFixed(1)} s)`,
    `  app:     ${url}/`,
    `  API:     ${url}/v1   health: ${url}/healthz`,
    `  data:    ${dataDir ? `kept in ${dataDir}` : 'in memory (use --data DIR to keep it)'}`,
    ...(testClock ? ['  clock:   test clock on — POST /__test__/clock {"now": "<ISO time>"}'] : []),
    ...(requireTotp ? ['  admins:  owners and clerks must turn on two-step sign-in first (POST /v1/admin/me/totp)'] : []),
    '',
    'Accounts:',
    `  admin                 password ${adminPassword}${process.env.MCAN_ADMIN_PASSWORD ? ' (from MCAN_ADMIN_PASSWORD)' : ''}`,
  ];
  if (seeded) {
    for (const a of demoOffice) lines.push(`  ${a.username.padEnd(22)}password ${demoStaffPassword}   ${a.adminRole}${a.districts.length ? ` of ${a.districts.join(', ')}` : ''} at the desk`);
    for (const p of demoProviders) lines.push(`  ${p.staff.username.padEnd(22)}password ${demoStaffPassword}   staff of ${p.input.name}`);
  }
  lines.push('', 'Recipients need no account: open the app. Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));
}

// Expected failures (a taken port, no Java) carry a sentence for people, not a stack trace.
main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
