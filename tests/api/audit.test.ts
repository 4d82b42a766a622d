import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry } from '../../functions/contract/audit.js';
import type { EndpointName } from '../../functions/contract/endpoints.js';
import { routes } from '../../functions/routes.js';
import type { ApiReply } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { allPages } from '../support/paging.js';
import { providerWithOffering, recipient } from '../support/people.js';

const LUNCH = '2026-11-30T11:40:00+08:00';
const DAY = { from: '2026-11-30', to: '2026-11-30' };

/** Every audit entry of the day (the test clock stays on it), all pages. */
async function allEntries(app: TestApp, query: { actor?: string; action?: AuditAction; target?: string; provider?: string } = {}): Promise<AuditEntry[]> {
  const admin = await app.adminToken();
  return (await allPages((after) => app.api.listAudit({ token: admin, query: { ...DAY, ...query, limit: 7, ...after } }))).flatMap((p) => p.entries);
}

/** A state change the completeness test can make succeed, given the fixtures made so far. */
type Fixture = (f: Fixtures) => Promise<ApiReply<unknown>>;
interface Fixtures {
  admin: string;
  staffToken: string;
  providerId: string;
  offeringId: string;
  made: Record<string, string>;
}

/** An application by a fresh recipient, waiting for review (one application per phone: each its own number). */
let phones = 0;
async function application(app: TestApp): Promise<string> {
  const token = await recipient(app);
  const phone = `138000000${String(++phones).padStart(2, '0')}`;
  return (await app.api.submitVerification({ token, body: { name: '张三', phone, category: 'graduate', note: '' } })).verification.id;
}

describe('the audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    await app.setClock(LUNCH);
  });
  afterAll(() => app.stop());

  /**
   * One successful call per state-changing staff or admin route, in an order that works. A route
   * added to the table without a fixture here fails the test below: a new route cannot skip the
   * audit log without someone deciding so in this file.
   */
  const fixtures: Partial<Record<EndpointName, Fixture>> = {
    putDistrict: (f) => app.api.putDistrict.reply({ token: f.admin, params: { id: 'audit-town' }, body: { name: '审计街道' } }),
    createProvider: async (f) => {
      const r = await app.api.createProvider.reply({
        token: f.admin,
        body: { name: '审计餐厅', kind: 'restaurant', district: 'futian', address: '一号', businessLicence: { number: 'B', expiresOn: '2030-01-01' }, hygienePermit: { number: 'H', expiresOn: '2030-01-01' } },
      });
      if (r.ok) f.made.provider = r.body.provider.id;
      return r;
    },
    updateProvider: async (f) => {
      const { updatedAt } = (await app.api.adminGetProvider({ token: f.admin, params: { id: f.made.provider! } })).provider;
      return app.api.updateProvider.reply({ token: f.admin, params: { id: f.made.provider! }, body: { address: '二号', updatedAt } });
    },
    approveProvider: (f) => app.api.approveProvider.reply({ token: f.admin, params: { id: f.made.provider! } }),
    putOffering: (f) =>
      app.api.putOffering.reply({
        token: f.admin,
        params: { id: f.made.provider!, offeringId: 'audit-lunch' },
        body: { name: '午餐', kind: 'meal', dailyQuota: 5, weekdays: [1, 2, 3, 4, 5, 6, 7], windows: [{ id: 'lunch', start: '11:30', end: '13:30' }], standard: '套餐', valueFen: 1500, active: true },
      }),
    createStaff: async (f) => {
      const r = await app.api.createStaff.reply({ token: f.admin, body: { providerId: f.made.provider!, username: 'audit-staff', password: 'password-1', name: '审计员' } });
      if (r.ok) f.made.staff = r.body.staff.id;
      return r;
    },
    disableStaff: (f) => app.api.disableStaff.reply({ token: f.admin, params: { id: f.made.staff! } }),
    enableStaff: (f) => app.api.enableStaff.reply({ token: f.admin, params: { id: f.made.staff! } }),
    resetStaffPassword: (f) => app.api.resetStaffPassword.reply({ token: f.admin, params: { id: f.made.staff! }, body: { password: 'temporary-1' } }),
    suspendProvider: (f) => app.api.suspendProvider.reply({ token: f.admin, params: { id: f.made.provider! }, body: { reason: '食品安全检查' } }),
    reinstateProvider: (f) => app.api.reinstateProvider.reply({ token: f.admin, params: { id: f.made.provider! } }),
    approveVerification: async (f) => app.api.approveVerification.reply({ token: f.admin, params: { id: await application(app) } }),
    rejectVerification: async (f) => app.api.rejectVerification.reply({ token: f.admin, params: { id: await application(app) }, body: { reason: '材料不全' } }),
    // The approval taken back is made before the walk (approving writes its own entry).
    revokeVerification: (f) => app.api.revokeVerification.reply({ token: f.admin, params: { id: f.made.approved! }, body: { reason: '信息不实' } }),
    // The whole number is shown to the admin; the entry says only that it was (the pattern below checks).
    revealVerificationPhone: (f) => app.api.revealVerificationPhone.reply({ token: f.admin, params: { id: f.made.approved! } }),
    redeem: async (f) => {
      const token = await recipient(app);
      const booking = (await app.api.createBooking({ token, body: { offeringId: f.offeringId, windowId: 'lunch' } })).booking;
      const r = await app.api.redeem.reply({ token: f.staffToken, body: { code: booking.code! } });
      // The fed recipient leaves a note and a food-safety report (not staff or admin changes) for hideThanks and closeSafetyReport below.
      await app.api.thankProvider({ token, params: { id: booking.id }, body: { like: true, note: '谢谢' } });
      f.made.note = (await app.api.staffThanks({ token: f.staffToken })).thanks[0]!.id;
      f.made.report = (await app.api.reportSafety({ token, body: { providerId: f.providerId, bookingId: booking.id, text: '有点咸' } })).report.id;
      return r;
    },
    hideThanks: (f) => app.api.hideThanks.reply({ token: f.admin, params: { id: f.made.note! } }),
    clearIntegrity: async (f) => {
      // The nightly review's flag, raised as that job raises it (tests/api/integrity.test.ts has the whole story).
      const at = new Date().toISOString();
      const raised = { providerId: f.providerId, status: 'FLAGGED' as const, flags: ['quick_redemptions' as const], flaggedAt: at, evidence: { from: '2026-11-01', to: '2026-11-29', redemptions: 10 } };
      await app.deps.store.integrity.flag({ ...raised, clearedAt: null, clearedBy: null, reason: null, clearedThrough: null }, null);
      return app.api.clearIntegrity.reply({ token: f.admin, params: { id: f.providerId }, body: { reason: '已核实' } });
    },
    closeSafetyReport: (f) => app.api.closeSafetyReport.reply({ token: f.admin, params: { id: f.made.report! }, body: { note: '已提醒餐厅' } }),
    publishLeaderboard: async (f) => {
      // Only an ended, rolled-up period can be published: last month, once the roll-up ran.
      await app.call('POST', '/__test__/jobs/roll-up-impact');
      return app.api.publishLeaderboard.reply({ token: f.admin, body: { period: 'month', key: '2026-10' } });
    },
    withdrawLeaderboard: (f) => app.api.withdrawLeaderboard.reply({ token: f.admin, params: { period: 'month', key: '2026-10', version: 1 }, body: { reason: '数据有误' } }),
    staffWalkIn: (f) => app.api.staffWalkIn.reply({ token: f.staffToken, body: { offeringId: f.offeringId, count: 1 } }),
    rotatePoster: (f) => app.api.rotatePoster.reply({ token: f.staffToken }),
    createPointsAdjustment: async (f) => {
      const r = await app.api.createPointsAdjustment.reply({ token: f.admin, body: { providerId: f.providerId, points: 10, reason: '补发' } });
      if (r.ok && 'entry' in r.body) f.made.credit = r.body.entry.id;
      return r;
    },
    createPointsReversal: (f) => app.api.createPointsReversal.reply({ token: f.admin, body: { providerId: f.providerId, entryId: f.made.credit!, reason: '补发有误' } }),
    putCatalogItem: (f) => app.api.putCatalogItem.reply({ token: f.admin, params: { itemId: 'audit-oil' }, body: { name: '花生油', unit: '桶', points: 20, stock: 5, active: true } }),
    adjustCatalogStock: (f) => app.api.adjustCatalogStock.reply({ token: f.admin, params: { itemId: 'audit-oil' }, body: { delta: 20, reason: '到货' } }),
    createExchange: async (f) => {
      const r = await app.api.createExchange.reply({ token: f.staffToken, body: { itemId: 'audit-oil', quantity: 1 } });
      if (r.ok) f.made.exchange = r.body.exchange.id;
      return r;
    },
    fulfilExchange: (f) => app.api.fulfilExchange.reply({ token: f.admin, params: { id: f.made.exchange! } }),
    // The exchange made before the walk (below): each fixture may add only its own route's entry.
    rejectExchange: (f) => app.api.rejectExchange.reply({ token: f.admin, params: { id: f.made.spare! }, body: { reason: '缺货' } }),
    createAdminAccount: async (f) => {
      const r = await app.api.createAdminAccount.reply({ token: f.admin, body: { username: 'audit-officer', name: '审计专员', role: 'officer', districts: ['futian'], password: 'audit-password' } });
      if (r.ok) f.made.account = r.body.account.id;
      return r;
    },
    changeAdminRole: (f) => app.api.changeAdminRole.reply({ token: f.admin, params: { id: f.made.account! }, body: { role: 'analyst' } }),
    // Requests by a second owner, made before the walk: approving one writes the change's own entry.
    approveApproval: (f) => app.api.approveApproval.reply({ token: f.admin, params: { id: f.made.bigCredit! } }),
    rejectApproval: (f) => app.api.rejectApproval.reply({ token: f.admin, params: { id: f.made.bigDebit! }, body: { reason: '不需要' } }),
    updateAdminAccount: (f) => app.api.updateAdminAccount.reply({ token: f.admin, params: { id: f.made.account! }, body: { name: '审计专员二' } }),
    resetAdminPassword: (f) => app.api.resetAdminPassword.reply({ token: f.admin, params: { id: f.made.account! }, body: { password: 'reset-password' } }),
    endAccountSessions: (f) => app.api.endAccountSessions.reply({ token: f.admin, params: { id: f.made.account! } }),
    // The officer's own password, changed from the reset one (each account changes only its own).
    changeAdminPassword: async () => {
      const { token } = await app.api.createAdminSession({ body: { username: 'audit-officer', password: 'reset-password' } });
      return app.api.changeAdminPassword.reply({ token, body: { current: 'reset-password', password: 'own-password' } });
    },
    // The officer turns on two-step sign-in: neither the secret nor a code may reach the log.
    enrolTotp: async (f) => {
      f.made.officerToken = (await app.api.createAdminSession({ body: { username: 'audit-officer', password: 'own-password' } })).token;
      const r = await app.api.enrolTotp.reply({ token: f.made.officerToken });
      if (r.ok) f.made.totpSecret = r.body.secret;
      return r;
    },
    confirmTotp: async (f) => {
      const otp = TOTP.generate({ secret: Secret.fromBase32(f.made.totpSecret!), timestamp: Date.parse(LUNCH) });
      const r = await app.api.confirmTotp.reply({ token: f.made.officerToken!, body: { otp } });
      if (r.ok) f.made.recoveryCodes = r.body.recoveryCodes.join(' ');
      return r;
    },
    // A lost phone: an owner turns the officer's two-step sign-in off again.
    resetAdminTotp: (f) => app.api.resetAdminTotp.reply({ token: f.admin, params: { id: f.made.account! } }),
    // Last: it ends the admin's sessions, so the walk signs in afresh after it.
    endAdminSessions: async (f) => {
      const r = await app.api.endAdminSessions.reply({ token: f.admin });
      f.admin = await app.adminToken(true);
      return r;
    },
  };

  it('every state-changing staff or admin route writes exactly one entry, naming its actor, action and target, and no recipient', async () => {
    const changing = routes.filter((r) => (r.auth === 'staff' || r.auth === 'admin') && r.method !== 'GET');
    const missing = changing.filter((r) => !fixtures[r.name]).map((r) => `${r.method} ${r.path} (${r.name})`);
    expect(missing, 'state-changing routes with no audit fixture in tests/api/audit.test.ts').toEqual([]);

    const { providerId, offeringId, staffToken } = await providerWithOffering(app, '审计基准', 50);
    const f: Fixtures = { admin: await app.adminToken(), staffToken, providerId, offeringId, made: {} };
    // Points to spend and a second exchange, for rejectExchange (made now: their entries precede the walk).
    await app.api.createPointsAdjustment({ token: f.admin, body: { providerId, points: 100, reason: '审计测试' } });
    await app.api.putCatalogItem({ token: f.admin, params: { itemId: 'audit-rice' }, body: { name: '大米', unit: '袋', points: 10, stock: 5, active: true } });
    f.made.spare = (await app.api.createExchange({ token: staffToken, body: { itemId: 'audit-rice', quantity: 1 } })).exchange.id;
    await app.api.createAdminAccount({ token: f.admin, body: { username: 'audit-owner2', name: '第二位负责人', role: 'owner', password: 'audit-password' } });
    const owner2 = (await app.api.createAdminSession({ body: { username: 'audit-owner2', password: 'audit-password' } })).token;
    const waiting = async (points: number) => {
      const r = await app.api.createPointsAdjustment({ token: owner2, body: { providerId, points, reason: '大额' } });
      return 'approval' in r ? r.approval.id : '';
    };
    f.made.approved = await application(app);
    await app.api.approveVerification({ token: f.admin, params: { id: f.made.approved } });
    f.made.bigCredit = await waiting(5_000);
    f.made.bigDebit = await waiting(-5_000);
    // In the fixtures' own order (a provider is created before it is approved).
    const ordered = (Object.keys(fixtures) as EndpointName[]).map((n) => changing.find((r) => r.name === n)).filter((r) => r !== undefined);
    expect(ordered).toHaveLength(changing.length);
    for (const route of ordered) {
      const before = new Set((await allEntries(app)).map((e) => e.id));
      const reply = await fixtures[route.name]!(f);
      expect(reply.status, `${route.name}: ${reply.text}`).toBeLessThan(300);
      const added = (await allEntries(app)).filter((e) => !before.has(e.id));
      expect(added.map((e) => e.action), route.name).toEqual([route.name]);
      const entry = added[0]!;
      expect(entry.actor.role).toBe(route.auth);
      expect(entry.actor.name.length, 'the actor is named').toBeGreaterThan(0);
      expect(entry.target.id.length).toBeGreaterThan(0);
      expect(JSON.stringify(entry)).not.toMatch(/recipientId|RECIPIENT#|138000000\d\d|张三|"phone"|"code"|voucher|password|secret|recoveryCodes/);
      for (const given of [f.made.totpSecret, ...(f.made.recoveryCodes?.split(' ') ?? [])]) if (given) expect(JSON.stringify(entry)).not.toContain(given);
    }
  });

  it('a refused change writes nothing; filters by actor and target page through every entry once', async () => {
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithOffering(app, '审计筛选', 5);
    const before = (await allEntries(app)).length;
    // Already ACTIVE: approving again is refused, and leaves no trace.
    expect((await app.api.approveProvider.reply({ token: admin, params: { id: providerId } })).error?.code).toBe('CONFLICT');
    expect(await allEntries(app)).toHaveLength(before);

    for (let i = 0; i < 9; i++) await app.api.rotatePoster({ token: staffToken });
    const byTarget = await allEntries(app, { target: providerId });
    // create, approve, 9 rotations, each once across pages of 7, newest first (the test clock
    // stands still, so the order within one instant is the id's).
    expect(byTarget.map((e) => e.action).sort()).toEqual(['approveProvider', 'createProvider', ...Array(9).fill('rotatePoster')]);
    expect(byTarget.map((e) => e.at)).toEqual(byTarget.map((e) => e.at).sort().reverse());
    expect(new Set(byTarget.map((e) => e.id)).size).toBe(byTarget.length);
    // Within one frozen instant the order is the random id's, so find the staff actor by action.
    const staffId = byTarget.find((e) => e.action === 'rotatePoster')!.actor.id;
    const byActor = await allEntries(app, { actor: staffId });
    expect(byActor.map((e) => e.action)).toEqual(Array(9).fill('rotatePoster'));
    expect(await allEntries(app, { actor: staffId, target: 'nothing-here' })).toEqual([]);
    // Another day holds none of them.
    expect((await app.api.listAudit({ token: admin, query: { from: '2026-11-29', to: '2026-11-29', target: providerId } })).entries).toEqual([]);
  });

  it('refuses a cursor from another list, and a range that ends before it starts, as VALIDATION_FAILED', async () => {
    const admin = await app.adminToken();
    const first = await app.api.listAudit({ token: admin, query: { ...DAY, limit: 1 } });
    expect(first.next).not.toBeNull();
    for (const cursor of ['nonsense', Buffer.from('{"m":"1999-01","c":null}').toString('base64url'), first.next!]) {
      const r = await app.api.listAudit.reply({ token: admin, query: { ...DAY, target: 'p_other', cursor } });
      expect(r.status, cursor).toBe(422);
    }
    expect((await app.api.listAudit.reply({ token: admin, query: { from: '2026-12-01', to: '2026-11-01' } })).status).toBe(422);
  });

  it('a provider’s history holds what was done to its parts: contract, staff, points, reversals, exchanges — each named with the provider', async () => {
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithOffering(app, '审计家族', 5);
    const credit = await app.api.createPointsAdjustment({ token: admin, body: { providerId, points: 50, reason: '补发' } });
    const creditId = 'entry' in credit ? credit.entry.id : '';
    await app.api.createPointsReversal({ token: admin, body: { providerId, entryId: creditId, reason: '补发有误' } });
    await app.api.createPointsAdjustment({ token: admin, body: { providerId, points: 40, reason: '兑换用' } });
    await app.api.putCatalogItem({ token: admin, params: { itemId: 'family-salt' }, body: { name: '食盐', unit: '袋', points: 10, stock: 5, active: true } });
    const exchange = (await app.api.createExchange({ token: staffToken, body: { itemId: 'family-salt', quantity: 1 } })).exchange;
    await app.api.fulfilExchange({ token: admin, params: { id: exchange.id } });

    const family = await allEntries(app, { provider: providerId });
    expect(family.map((e) => e.action).sort()).toEqual(
      ['approveProvider', 'createExchange', 'createPointsAdjustment', 'createPointsAdjustment', 'createPointsReversal', 'createProvider', 'createStaff', 'fulfilExchange', 'putOffering'].sort(),
    );
    for (const e of family) expect(e.provider, e.action).toEqual({ id: providerId, name: '审计家族' });
    // Each part's own history is still its own: the reversal under the credit it reversed.
    expect((await allEntries(app, { target: creditId })).map((e) => e.action)).toEqual(['createPointsReversal']);
    // The catalogue belongs to no provider: its entry names none, and is not in the family.
    expect((await allEntries(app, { target: 'family-salt' }))[0]!.provider).toBeUndefined();
    // Filters combine: the family's staff changes alone, and one action across the log.
    expect((await allEntries(app, { provider: providerId, action: 'createStaff' })).map((e) => e.target.type)).toEqual(['staff']);
    const reversals = await allEntries(app, { action: 'createPointsReversal' });
    expect(reversals.length).toBeGreaterThan(0);
    expect(reversals.every((e) => e.action === 'createPointsReversal')).toBe(true);
    // An action the log does not know is a bad request, not an empty page.
    expect((await app.api.listAudit.reply({ token: admin, query: { ...DAY, action: 'dropTable' as never } })).status).toBe(422);
  });

  it('exports the filtered entries as CSV for Excel: BOM, Chinese header, Shanghai times, words not JSON, formulas defused', async () => {
    const admin = await app.adminToken();
    const { providerId } = await providerWithOffering(app, '=HYPERLINK("x")', 5);
    const r = await app.api.auditCsv.reply({ token: admin, query: { ...DAY, provider: providerId } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const raw = new Uint8Array(await (await fetch(`${app.url}/v1/admin/audit.csv?from=${DAY.from}&to=${DAY.to}&provider=${providerId}`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.text.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('"时间（北京时间）","操作人","账号","角色","操作","对象","对象编号","服务点","变更"');
    // The filter holds: this provider's four entries (created, approved, contract, staff), no other's.
    const rows = text.trimEnd().split(/\r\n(?=")/).slice(1);
    expect(rows).toHaveLength(4);
    // 11:40 in Shanghai (the test clock), not 03:40 UTC.
    expect(rows.every((row) => row.startsWith('"2026-11-30 11:40"'))).toBe(true);
    expect(text).toContain('"新建服务点"');
    expect(text).toContain('"保存供餐合约"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).not.toMatch(/\{"/);
    // Another action narrows the export too.
    const staffOnly = await app.api.auditCsv({ token: admin, query: { ...DAY, provider: providerId, action: 'createStaff' } });
    expect(staffOnly.replace(/^\uFEFF/, '').trimEnd().split(/\r\n(?=")/)).toHaveLength(2);
  });
});

describe('an audit entry exists exactly when its change committed', () => {
  let app: TestApp;
  let failAudited = false;
  beforeAll(async () => {
    app = await startTestApp({
      seed: true,
      // The failure strikes after the audit part is built, in the very request that carries it.
      configureClient: (doc) =>
        doc.middlewareStack.add(
          (next) => async (args) => {
            const items = (args.input as { TransactItems?: { Put?: { Item?: { PK?: string } } }[] }).TransactItems;
            if (failAudited && items?.some((i) => i.Put?.Item?.PK?.startsWith('AUDIT#'))) throw Object.assign(new Error('injected: the connection dropped'), { name: 'InjectedFailure' });
            return next(args);
          },
          { step: 'initialize', name: 'failAuditedTransactions' },
        ),
    });
    await app.setClock(LUNCH);
  });
  afterAll(() => app.stop());

  it('a change that fails after its audit part is built leaves neither the change nor the entry; the retry leaves one of each', async () => {
    const admin = await app.adminToken();
    const id = (
      await app.api.createProvider({
        token: admin,
        body: { name: '失败注入', kind: 'restaurant', district: 'futian', address: '一号', businessLicence: { number: 'B', expiresOn: '2030-01-01' }, hygienePermit: { number: 'H', expiresOn: '2030-01-01' } },
      })
    ).provider.id;
    failAudited = true;
    const failed = await app.api.approveProvider.reply({ token: admin, params: { id } });
    failAudited = false;
    expect(failed.status).toBe(500);
    expect((await app.api.adminGetProvider({ token: admin, params: { id } })).provider.status).toBe('PENDING');
    expect((await allEntries(app, { target: id })).map((e) => e.action)).toEqual(['createProvider']);

    expect((await app.api.approveProvider.reply({ token: admin, params: { id } })).status).toBe(200);
    const entries = await allEntries(app, { target: id });
    expect(entries.map((e) => e.action).sort()).toEqual(['approveProvider', 'createProvider']);
    expect(entries.find((e) => e.action === 'approveProvider')).toMatchObject({ actor: { role: 'admin', id: 'a_admin', name: '管理员' }, target: { type: 'provider', id }, before: { status: 'PENDING' }, after: { status: 'ACTIVE' } });
  });
});
