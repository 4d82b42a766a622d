/**
 * Impact reads at province scale: 5,600 providers in 100 sub-districts, a year of figures.
 *
 * The read paths never open a closed day's provider items (they read what the nightly roll-up
 * made of them), so the bench materialises what a year of day items rolls up into — each
 * provider's year, quarter and months, each sub-district's months and this month's days, the
 * daily totals — plus today's 5,600 live day items; then, as the job does after each span, it packs
 * those provider items and sub-district months (the job's own packPeriod and packAreaMonths) and
 * keeps the day-read hint with the mark. It
 * times the reads over them. It also times
 * the roll-up of one province day (5,600 day items) by the job itself. Every command sent to the
 * table is counted: a Scan would show here.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunningApp } from '../../functions/local/app.js';
import { daySplitsOf, packAreaMonths, packPeriod, rollUpDay } from '../../functions/jobs/roll-up-impact.js';
import { keys } from '../../functions/store/keys.js';
import { addDays, localMoment } from '../../functions/domain/time.js';
import { monthOf, quarterOf, yearOf, type ImpactCounts } from '../../functions/domain/impact.js';

const PROVIDERS = 5_600;
const DISTRICTS = 100;

const counts = (scale: number, i: number): ImpactCounts => {
  const meals = Math.round(scale * (1 + (i % 7)));
  const blindBoxes = Math.round(scale * (i % 3));
  const walkIns = Math.round(scale * (i % 2));
  return { meals, blindBoxes, walkIns, bookedValueFen: meals * 2500 + blindBoxes * 1500, walkInValueFen: walkIns * 2500, recipients: meals + blindBoxes, recipientsNewInMonth: Math.round((meals + blindBoxes) / 2), recipientsNewEver: Math.round((meals + blindBoxes) / 10), recipientsNewInQuarter: Math.round((meals + blindBoxes) / 4), recipientsNewInYear: Math.round((meals + blindBoxes) / 6) };
};

async function writeAll(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < batches.length) {
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = { [tableName]: batches[next++]!.map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  }));
}

const time = async <T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; best: number; first: number; value: T }> => {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await f();
    ms.push(performance.now() - t);
  }
  const first = ms[0]!;
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)]!, best: ms[0]!, first, value };
};

/** Rows for the bench table. `app` is a running local app on its own table; `now` its clock. */
export async function benchImpact(app: RunningApp, now: Date): Promise<[string, string, string][]> {
  const { deps } = app;
  const { doc, tableName } = app.table;
  const commands = new Map<string, number>();
  const commandMs = new Map<string, number>();
  doc.middlewareStack.add((next, context) => async (args) => {
    const name = context.commandName as string;
    commands.set(name, (commands.get(name) ?? 0) + 1);
    const t = performance.now();
    try {
      return await next(args);
    } finally {
      commandMs.set(name, (commandMs.get(name) ?? 0) + performance.now() - t);
    }
  }, { step: 'initialize', name: 'benchCountCommands' });

  const today = localMoment(now, deps.config.timeZone).date;
  const yesterday = addDays(today, -1);
  const providers = Array.from({ length: PROVIDERS }, (_, i) => ({
    providerId: `p${String(i).padStart(5, '0')}`,
    name: `爱心餐厅 ${i}`,
    district: `d${String(i % DISTRICTS).padStart(3, '0')}`,
    joinedAt: `2025-0${1 + (i % 9)}-01T00:00:00.000Z`,
  }));
  const rolled = (c: ImpactCounts, through: string) => ({ ...c, through, last: {} });
  const items: Record<string, unknown>[] = [];
  const year = yearOf(yesterday);
  const month = monthOf(yesterday);
  const lastMonth = monthOf(addDays(`${month}-01`, -1));
  providers.forEach((p, i) => {
    items.push({ ...keys.impactProvider('year', year, p.providerId), ...p, ...rolled(counts(200, i), yesterday) });
    items.push({ ...keys.impactProvider('quarter', quarterOf(yesterday), p.providerId), ...p, ...rolled(counts(60, i), yesterday) });
    items.push({ ...keys.impactProvider('month', month, p.providerId), ...p, ...rolled(counts(20, i), yesterday) });
    items.push({ ...keys.impactProvider('month', lastMonth, p.providerId), ...p, ...rolled(counts(20, i), addDays(`${month}-01`, -1)) });
    // Today, live: the items the redemption and handout transactions write.
    items.push({ ...keys.impactDay(today, p.providerId), ...p, date: today, ...counts(0.5, i) });
  });
  for (let d = 0; d < DISTRICTS; d++) {
    const district = `d${String(d).padStart(3, '0')}`;
    for (let m = 0; m < 12; m++) {
      const mm = monthOf(addDays(`${month}-15`, -30 * m));
      items.push({ ...keys.impactArea(yearOf(`${mm}-01`), keys.areaDistrictMonth(mm, district)), month: mm, district, ...rolled(counts(1_000, d), mm === month ? yesterday : `${mm}-28`) });
    }
    for (let day = `${month}-01`; day <= yesterday; day = addDays(day, 1)) {
      items.push({ ...keys.impactArea(yearOf(day), keys.areaDistrictDay(day, district)), date: day, district, ...rolled(counts(40, d), day) });
    }
  }
  for (let n = 1; n <= 365; n++) {
    const day = addDays(today, -n);
    items.push({ ...keys.impactArea(yearOf(day), keys.areaTotal(day)), date: day, ...rolled(counts(4_000, n), day) });
  }
  const writeStarted = performance.now();
  await writeAll(doc, tableName, items);
  const packs = await Promise.all(([['year', year, yesterday], ['quarter', quarterOf(yesterday), yesterday], ['month', month, yesterday], ['month', lastMonth, addDays(`${month}-01`, -1)]] as const)
    .map(([period, key, through]) => packPeriod(deps, period, key, through)));
  const areaPacks = await Promise.all(([[year, yesterday], [String(Number(year) - 1), `${Number(year) - 1}-12-31`]] as const).map(([y, through]) => packAreaMonths(deps, y, through)));
  const packParts = [...packs, ...areaPacks].reduce((a, p) => a + p.parts, 0);
  await deps.store.impact.setRollUpState({ rolledThrough: yesterday, since: addDays(today, -365), daySplits: daySplitsOf(deps, providers.map((p) => p.providerId)) });
  const writeMs = performance.now() - writeStarted;
  commands.clear();
  commandMs.clear();

  const admin = (await (await fetch(`${app.url}/v1/admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-admin' }) })).json()) as { token: string };
  const get = async (path: string) => {
    const r = await fetch(app.url + path, { headers: { authorization: `Bearer ${admin.token}` } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const yearFrom = addDays(`${month}-01`, -334).slice(0, 8) + '01';
  const rows: [string, string, string][] = [];
  rows.push(['(i) province fixture written', `${items.length} items + ${packParts} pack parts in ${(writeMs / 1000).toFixed(1)} s`, `${PROVIDERS} providers, ${DISTRICTS} sub-districts`]);

  // Where a read's time goes: the table's answers (summed over the commands it sent) against the whole request.
  const profile = async (label: string, path: string) => {
    commandMs.clear();
    const before = new Map(commands);
    const t = performance.now();
    await get(path);
    const total = performance.now() - t;
    const sent = [...commands].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
    const table = [...commandMs.values()].reduce((a, b) => a + b, 0);
    rows.push([`    ${label}: one request`, `${total.toFixed(0)} ms, table ${table.toFixed(0)} ms (summed)`, sent.map(([k, v]) => `${k.replace('Command', '')} ${v}`).join(', ')]);
  };
  // Cold: nothing cached (today's 5,600 live day items and the rolled items are read); warm: within
  // the caches' lifetimes (today's items 5 s, rolled items until the roll-up's mark moves).
  const cold = () => {
    deps.liveDays.clear();
    deps.rolledCache.clear();
  };
  const fmt = (t: { ms: number; best: number; first: number }) => `cold ${t.first.toFixed(0)} ms · median ${t.ms.toFixed(0)} ms · best ${t.best.toFixed(0)} ms`;
  cold();
  const preview = await time(5, () => get(`/v1/admin/leaderboards/preview?period=year&key=${year}`));
  rows.push([`(i) leaderboard preview, year ${year}`, fmt(preview), `${preview.value.entries.length} entries, goal < 1 s`]);
  const previewCold = await time(3, () => (cold(), get(`/v1/admin/leaderboards/preview?period=year&key=${year}`)));
  rows.push(['    the same, every request cold', fmt(previewCold), '']);
  cold();
  await profile('year preview, cold', `/v1/admin/leaderboards/preview?period=year&key=${year}`);
  cold();
  const previewMonth = await time(5, () => get(`/v1/admin/leaderboards/preview?period=month&key=${month}`));
  rows.push([`(i) leaderboard preview, month ${month}`, fmt(previewMonth), '']);
  cold();
  const byDistrict = await time(5, () => get(`/v1/admin/stats?from=${yearFrom}&to=${today}&by=district`));
  rows.push([`(i) stats by sub-district, ${yearFrom} … ${today}`, fmt(byDistrict), `${byDistrict.value.rows.length} rows, goal < 300 ms`]);
  const byDistrictCold = await time(3, () => (cold(), get(`/v1/admin/stats?from=${yearFrom}&to=${today}&by=district`)));
  rows.push(['    the same, every request cold', fmt(byDistrictCold), '']);
  cold();
  await profile('stats by sub-district, cold', `/v1/admin/stats?from=${yearFrom}&to=${today}&by=district`);
  cold();
  const byDay = await time(5, () => get(`/v1/admin/stats?from=${addDays(today, -364)}&to=${today}&by=day`));
  rows.push(['(i) stats by day, the last 365 days', fmt(byDay), `${byDay.value.rows.length} rows`]);
  deps.figuresCache.clear();
  cold();
  const pub = await time(1, () => get('/v1/stats'));
  rows.push(['(i) GET /v1/stats, cache cold', `${pub.ms.toFixed(0)} ms`, 'then served from the cache']);
  const scans = commands.get('ScanCommand') ?? 0;
  rows.push(['    table commands for the reads above', [...commands].map(([k, v]) => `${k.replace('Command', '')} ${v}`).join(', '), `Scan ${scans}`]);

  // The nightly job over one province day: 5,600 day items → ~17,000 conditional updates.
  const day = addDays(today, -400);
  await writeAll(doc, tableName, providers.map((p, i) => ({ ...keys.impactDay(day, p.providerId), ...p, date: day, ...counts(1, i) })));
  const roll = await time(1, () => rollUpDay(deps, day));
  rows.push(['(i) roll-up of one province day', `${(roll.ms / 1000).toFixed(1)} s`, `${roll.value.providers} providers, ${roll.value.writes} updates`]);
  return rows;
}
