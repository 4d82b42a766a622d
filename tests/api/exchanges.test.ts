import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../functions/seed/random.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { injectTransactionFaults, type FaultStats } from '../support/faults.js';
import { allPages } from '../support/paging.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';
import { tally } from '../support/tally.js';

const LUNCH = '2026-11-30T11:40:00+08:00';

const item = (points: number, stock: number, active = true) => ({ name: '东北大米', unit: '袋', points, stock, active });
let items = 0;
const newItemId = () => `item-${Date.now().toString(36)}-${++items}`;

/** A provider with `points` spendable at once (an admin's credit) and its staff token. */
async function providerWithPoints(app: TestApp, name: string, points: number) {
  const p = await providerWithOffering(app, name, 5);
  if (points) await app.api.createPointsAdjustment({ token: await app.adminToken(), body: { providerId: p.providerId, points, reason: '测试积分' } });
  return p;
}

/** The whole ledger of a provider as admins read it (all pages). */
async function ledger(app: TestApp, providerId: string) {
  const admin = await app.adminToken();
  const first = await app.api.adminProviderPoints({ token: admin, params: { id: providerId }, query: { limit: 200 } });
  expect(first.next).toBeNull();
  return first;
}

const itemOf = async (app: TestApp, itemId: string) => (await app.api.adminCatalog({ token: await app.adminToken() })).items.find((i) => i.id === itemId)!;
const stockOf = async (app: TestApp, itemId: string) => (await itemOf(app, itemId)).stock;

/** An edit as the desk sends it: from the version just read, without stock. */
async function edit(app: TestApp, itemId: string, change: { points?: number; active?: boolean }) {
  const { name, unit, points, active, version } = await itemOf(app, itemId);
  return app.api.putCatalogItem({ token: await app.adminToken(), params: { itemId }, body: { name, unit, points, active, version, ...change } });
}

describe('the catalogue and exchanges', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    await app.setClock(LUNCH);
  });
  afterAll(() => app.stop());

  it('20 staff sessions of one provider race for an item the balance covers 3 times: exactly 3 × 201, the rest INSUFFICIENT_POINTS, never below zero', async () => {
    const admin = await app.adminToken();
    const { providerId, offeringId } = await providerWithPoints(app, '积分抢兑', 30);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 100) });
    // Four staff members, five sessions each; a second apart, as the frozen clock would otherwise make equal tokens.
    const usernames = [`staff-${offeringId.slice(2, 12)}`];
    for (let i = 1; i < 4; i++) {
      usernames.push(`${usernames[0]}-${i}`);
      await app.api.createStaff({ token: admin, body: { providerId, username: usernames[i]!, password: 'password-1', name: `店员${i}` } });
    }
    const sessions: string[] = [];
    for (let i = 0; i < 20; i++) {
      await app.setClock(new Date(Date.parse(LUNCH) + i * 1000).toISOString());
      sessions.push(await staff(app, usernames[i % 4]!, 'password-1'));
    }
    expect(new Set(sessions).size).toBe(20);

    const replies = await Promise.all(sessions.map((token) => app.api.createExchange.reply({ token, body: { itemId, quantity: 1 } })));
    expect(tally(replies)).toEqual({ '201': 3, '409 INSUFFICIENT_POINTS': 17 });

    const after = await ledger(app, providerId);
    expect(after.balance).toBe(0);
    expect(after.pending).toBe(0);
    expect(after.entries.reduce((s, e) => s + e.points, 0)).toBe(after.balance);
    expect(after.entries.filter((e) => e.reason === 'exchange').map((e) => e.points)).toEqual([-10, -10, -10]);
    expect(await stockOf(app, itemId)).toBe(97);
    const mine = await app.api.staffExchanges({ token: sessions[0]! });
    expect(mine.exchanges).toHaveLength(3);
    expect(mine.exchanges.every((x) => x.status === 'PENDING' && x.points === 10 && x.providerId === providerId)).toBe(true);
  });

  it('10 providers race for the last 4 units: exactly 4 exchanges, stock 0 and never below', async () => {
    const admin = await app.adminToken();
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(5, 4) });
    const racers = [];
    for (let i = 0; i < 10; i++) racers.push(await providerWithPoints(app, `抢兑餐厅${i}`, 50));

    const replies = await Promise.all(racers.map((p) => app.api.createExchange.reply({ token: p.staffToken, body: { itemId, quantity: 1 } })));
    expect(tally(replies)).toEqual({ '201': 4, '409 OUT_OF_STOCK': 6 });
    expect(await stockOf(app, itemId)).toBe(0);
    // The losers paid nothing; the winners paid once.
    for (const [i, p] of racers.entries()) {
      const points = await ledger(app, p.providerId);
      expect(points.balance).toBe(replies[i]!.ok ? 45 : 50);
    }
    const pending = await app.api.adminExchanges({ token: admin, query: { status: 'PENDING', limit: 200 } });
    expect(pending.exchanges.filter((x) => x.itemId === itemId)).toHaveLength(4);
  });

  it('20 concurrent rejections of one exchange: one refund entry, stock and points back once, the rest CONFLICT', async () => {
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithPoints(app, '驳回测试', 40);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(12, 10) });
    const { exchange } = await app.api.createExchange({ token: staffToken, body: { itemId, quantity: 3 } });
    expect(exchange).toMatchObject({ itemId, quantity: 3, points: 36, status: 'PENDING', decidedAt: null, reason: null });
    expect((await ledger(app, providerId)).balance).toBe(4);
    expect(await stockOf(app, itemId)).toBe(7);

    const replies = await Promise.all(Array.from({ length: 20 }, () => app.api.rejectExchange.reply({ token: admin, params: { id: exchange.id }, body: { reason: '暂时缺货' } })));
    expect(tally(replies)).toEqual({ '200': 1, '409 CONFLICT': 19 });
    const after = await ledger(app, providerId);
    expect(after.entries.filter((e) => e.reason === 'exchange_refund')).toEqual([expect.objectContaining({ points: 36, ref: exchange.id, note: '暂时缺货' })]);
    expect(after.balance).toBe(40);
    expect(after.entries.reduce((s, e) => s + e.points, 0)).toBe(40);
    expect(await stockOf(app, itemId)).toBe(10);
    // Decided once: fulfilling it now is a conflict too, and the staff see why it was rejected.
    expect((await app.api.fulfilExchange.reply({ token: admin, params: { id: exchange.id } })).error?.code).toBe('CONFLICT');
    expect((await app.api.staffExchanges({ token: staffToken })).exchanges[0]).toMatchObject({ id: exchange.id, status: 'REJECTED', reason: '暂时缺货' });
  });

  it('held credits cannot be spent until availableAt; then they can', async () => {
    const admin = await app.adminToken();
    const { offeringId, staffToken } = await providerWithOffering(app, '持有积分', 5);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(20, 10) });
    const booking = (await app.api.createBooking({ token: await recipient(app), body: { offeringId, windowId: 'lunch' } })).booking;
    await app.api.redeem({ token: staffToken, body: { code: booking.code! } });
    expect(await app.api.staffPoints({ token: staffToken })).toMatchObject({ balance: 0, pending: 25 });
    expect((await app.api.createExchange.reply({ token: staffToken, body: { itemId, quantity: 1 } })).error?.code).toBe('INSUFFICIENT_POINTS');

    await app.setClock('2026-12-07T04:00:00.000Z');
    const token = await staff(app, `staff-${offeringId.slice(2, 12)}`, 'password-1');
    expect((await app.api.createExchange.reply({ token, body: { itemId, quantity: 1 } })).status).toBe(201);
    expect(await app.api.staffPoints({ token })).toMatchObject({ balance: 5, pending: 0 });
    await app.setClock(LUNCH);
  });

  it('needs an ACTIVE provider; refuses unknown, inactive and sold-out items and too many units; replays an Idempotency-Key', async () => {
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithPoints(app, '规则测试', 100);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 2) });
    const order = (body: { itemId: string; quantity: number }, idempotencyKey?: string) => app.api.createExchange.reply({ token: staffToken, body, ...(idempotencyKey ? { idempotencyKey } : {}) });

    expect((await order({ itemId: 'no-such-item', quantity: 1 })).error?.code).toBe('NOT_FOUND');
    expect((await order({ itemId, quantity: 3 })).error).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 2 } });
    expect((await order({ itemId, quantity: 51 })).status).toBe(422);
    expect((await order({ itemId, quantity: 0 })).status).toBe(422);

    const first = await order({ itemId, quantity: 1 }, 'exchange-key-1');
    const again = await order({ itemId, quantity: 1 }, 'exchange-key-1');
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await ledger(app, providerId)).balance).toBe(90);
    expect(await stockOf(app, itemId)).toBe(1);

    // Inactive: hidden from staff, listed for admins, not orderable.
    await edit(app, itemId, { active: false });
    expect((await app.api.listCatalog({ token: staffToken })).items.map((i) => i.id)).not.toContain(itemId);
    expect((await app.api.adminCatalog({ token: admin })).items.find((i) => i.id === itemId)).toMatchObject({ active: false, stock: 1 });
    expect((await order({ itemId, quantity: 1 })).error?.code).toBe('NOT_FOUND');
    await edit(app, itemId, { active: true });

    await app.api.suspendProvider({ token: admin, params: { id: providerId }, body: { reason: '食品安全检查' } });
    expect((await order({ itemId, quantity: 1 })).error?.code).toBe('PROVIDER_UNAVAILABLE');
    expect((await ledger(app, providerId)).balance).toBe(90);
    // Still readable.
    expect((await app.api.staffExchanges({ token: staffToken })).exchanges).toHaveLength(1);
  });

  it('fulfils once; lists by status and by provider, paged; recipients and other roles are refused', async () => {
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithPoints(app, '履约测试', 100);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(1, 50) });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      await app.setClock(`2026-11-30T11:4${i}:00+08:00`);
      ids.push((await app.api.createExchange({ token: staffToken, body: { itemId, quantity: i } })).exchange.id);
    }
    await app.setClock(LUNCH);
    const fulfilled = await app.api.fulfilExchange({ token: admin, params: { id: ids[0]! } });
    expect(fulfilled.exchange).toMatchObject({ status: 'FULFILLED', decidedAt: expect.any(String) as string, reason: null });
    expect((await app.api.fulfilExchange.reply({ token: admin, params: { id: ids[0]! } })).error).toMatchObject({ code: 'CONFLICT', details: { status: 'FULFILLED' } });
    expect((await app.api.fulfilExchange.reply({ token: admin, params: { id: 'x_nothing' } })).error?.code).toBe('NOT_FOUND');

    const seen = (await allPages((after) => app.api.staffExchanges({ token: staffToken, query: { limit: 2, ...after } }))).flatMap((p) => p.exchanges.map((x) => x.id));
    expect(seen).toEqual([...ids].reverse());
    const byProvider = await app.api.adminExchanges({ token: admin, query: { providerId, status: 'FULFILLED' } });
    expect(byProvider.exchanges.map((x) => x.id)).toEqual([ids[0]]);
    expect((await app.api.adminExchanges({ token: admin, query: { providerId } })).exchanges).toHaveLength(5);
    const pendingIds = (await app.api.adminExchanges({ token: admin, query: { limit: 200 } })).exchanges.map((x) => x.id);
    expect(pendingIds).toEqual(expect.arrayContaining(ids.slice(1)));
    expect(pendingIds).not.toContain(ids[0]);

    const someone = await recipient(app);
    expect((await app.api.listCatalog.reply({ token: someone })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.createExchange.reply({ token: admin, body: { itemId, quantity: 1 } })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.putCatalogItem.reply({ token: staffToken, params: { itemId }, body: item(1, 1) })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.putCatalogItem.reply({ token: admin, params: { itemId }, body: { ...item(1, 1), stock: -1 } })).status).toBe(422);
    expect((await app.api.adjustCatalogStock.reply({ token: staffToken, params: { itemId }, body: { delta: 1, reason: '到货' } })).error?.code).toBe('FORBIDDEN');
  });
});

describe('nothing is overwritten: stock moves by deltas, edits carry their version', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    await app.setClock(LUNCH);
  });
  afterAll(() => app.stop());

  it('an edit made from before a staff order is refused and keeps the stock the order left', async () => {
    const admin = await app.adminToken();
    const { staffToken } = await providerWithPoints(app, '旧表单', 100);
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 8) });
    // The desk opens the item …
    const opened = await itemOf(app, itemId);
    expect(opened).toMatchObject({ stock: 8, version: 1 });
    // … staff order 2 meanwhile …
    await app.api.createExchange({ token: staffToken, body: { itemId, quantity: 2 } });
    // … and the price change saved from the open form is refused, naming the item as it is now.
    const { name, unit, active, version } = opened;
    const stale = await app.api.putCatalogItem.reply({ token: admin, params: { itemId }, body: { name, unit, active, version, points: 12 } });
    expect(stale.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'CONFLICT', details: { version: 2, item: { stock: 6, points: 10, version: 2 } } });
    expect(await itemOf(app, itemId)).toMatchObject({ stock: 6, points: 10 });

    // From the current version and without stock: saved, the stock kept.
    const saved = await app.api.putCatalogItem({ token: admin, params: { itemId }, body: { name, unit, active, version: 2, points: 12 } });
    expect(saved.item).toMatchObject({ points: 12, stock: 6, version: 3 });
    expect(await itemOf(app, itemId)).toMatchObject({ points: 12, stock: 6, version: 3 });

    // Stock on an existing item, or no version: 422, nothing written.
    const withStock = await app.api.putCatalogItem.reply({ token: admin, params: { itemId }, body: { name, unit, active, version: 3, points: 12, stock: 8 } });
    expect(withStock.status).toBe(422);
    expect(withStock.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'stock' })] });
    const blind = await app.api.putCatalogItem.reply({ token: admin, params: { itemId }, body: { name, unit, active, points: 12 } });
    expect(blind.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'version' })] });
    // A new item needs its opening stock.
    const noStock = await app.api.putCatalogItem.reply({ token: admin, params: { itemId: newItemId() }, body: { name, unit, active, points: 12 } });
    expect(noStock.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'stock' })] });
    // A version for an id that is not there: an edit of nothing.
    expect((await app.api.putCatalogItem.reply({ token: admin, params: { itemId: newItemId() }, body: { name, unit, active, points: 12, version: 1 } })).error?.code).toBe('NOT_FOUND');
    expect(await itemOf(app, itemId)).toMatchObject({ stock: 6, version: 3 });
  });

  it('stock moves by audited deltas: +20 on 6 is 26; zero, unknown items and going below zero are refused', async () => {
    const admin = await app.adminToken();
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 6) });
    const added = await app.api.adjustCatalogStock({ token: admin, params: { itemId }, body: { delta: 20, reason: '到货 20 箱' } });
    expect(added.item).toMatchObject({ stock: 26, version: 2 });
    const below = await app.api.adjustCatalogStock.reply({ token: admin, params: { itemId }, body: { delta: -27, reason: '盘点' } });
    expect(below.error).toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 26 } });
    expect((await app.api.adjustCatalogStock.reply({ token: admin, params: { itemId }, body: { delta: 0, reason: '无' } })).status).toBe(422);
    expect((await app.api.adjustCatalogStock.reply({ token: admin, params: { itemId: 'no-such-item' }, body: { delta: 1, reason: '到货' } })).error?.code).toBe('NOT_FOUND');
    expect(await stockOf(app, itemId)).toBe(26);
    const audit = await app.api.listAudit({ token: admin, query: { target: itemId } });
    expect(audit.entries.map((e) => [e.action, e.after])).toEqual(expect.arrayContaining([['adjustCatalogStock', { delta: 20, reason: '到货 20 箱' }]]));
  });

  it('10 concurrent −1 on stock 5: exactly 5 succeed, the rest OUT_OF_STOCK, never below zero', async () => {
    const admin = await app.adminToken();
    const itemId = newItemId();
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 5) });
    const replies = await Promise.all(Array.from({ length: 10 }, () => app.api.adjustCatalogStock.reply({ token: admin, params: { itemId }, body: { delta: -1, reason: '损耗' } })));
    expect(tally(replies)).toEqual({ '200': 5, '409 OUT_OF_STOCK': 5 });
    expect(await itemOf(app, itemId)).toMatchObject({ stock: 0, version: 6 });
  });
});

describe('exchanges when DynamoDB cancels transactions for contention', () => {
  let app: TestApp;
  const stats: FaultStats = { conflicts: 0, throttles: 0 };
  beforeAll(async () => {
    app = await startTestApp({ seed: false, configureClient: (doc) => injectTransactionFaults(doc, { conflict: 0.3, throttle: 0.1 }, seededRandom(20261129), stats) });
    await app.setClock(LUNCH);
  });
  afterAll(() => app.stop());

  it('still never oversells, never overspends and refunds once', async () => {
    const admin = await app.adminToken();
    const itemId = newItemId();
    const { providerId, staffToken } = await providerWithPoints(app, '冲突兑换', 60);
    await app.api.putCatalogItem({ token: admin, params: { itemId }, body: item(10, 4) });
    const replies = await Promise.all(Array.from({ length: 12 }, () => app.api.createExchange.reply({ token: staffToken, body: { itemId, quantity: 1 } })));
    const t = tally(replies);
    for (const k of Object.keys(t)) expect(['201', '409 OUT_OF_STOCK', '503 BUSY']).toContain(k);
    const made = t['201'] ?? 0;
    expect(made).toBeLessThanOrEqual(4);
    expect(await stockOf(app, itemId)).toBe(4 - made);
    const points = await ledger(app, providerId);
    expect(points.balance).toBe(60 - 10 * made);
    expect(points.entries.reduce((s, e) => s + e.points, 0)).toBe(points.balance);

    const id = (replies.find((r) => r.ok)!.body as { exchange: { id: string } }).exchange.id;
    const rejections = await Promise.all(Array.from({ length: 10 }, () => app.api.rejectExchange.reply({ token: admin, params: { id }, body: { reason: '冲突测试' } })));
    expect(rejections.filter((r) => r.ok)).toHaveLength(1);
    const refunds = (await ledger(app, providerId)).entries.filter((e) => e.reason === 'exchange_refund');
    expect(refunds).toHaveLength(1);
    expect(await stockOf(app, itemId)).toBe(5 - made);
    expect(stats.conflicts).toBeGreaterThan(0);
  });
});
