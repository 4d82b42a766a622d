// Issue 21: an office, not a password. Named administrators with roles, checked on every admin
// route from one table; officers limited to their sub-districts; the audit log names the person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRouteRoles, type AdminEndpointName } from '../../functions/contract/admin-roles.js';
import { endpoints } from '../../functions/contract/endpoints.js';
import type { AdminRole } from '../../functions/contract/office.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let owner: string;
const roles: AdminRole[] = ['owner', 'officer', 'clerk', 'analyst'];
const tokens = {} as Record<AdminRole, string>;
const password = 'office-password-1';

async function signIn(username: string, pw = password) {
  return app.api.createAdminSession({ body: { username, password: pw } });
}

async function hire(username: string, role: AdminRole, districts?: string[]) {
  const { account } = await app.api.createAdminAccount({ token: owner, body: { username, name: `${role} ${username}`, role, password, ...(districts ? { districts } : {}) } });
  return account;
}

const providerBody = (district: string) => ({
  name: `店 ${district}`,
  kind: 'restaurant' as const,
  district,
  address: '测试路 1 号',
  businessLicence: { number: 'BL', expiresOn: '2030-01-01' },
  hygienePermit: { number: 'HP', expiresOn: '2030-01-01' },
});

beforeAll(async () => {
  app = await startTestApp({ seed: false });
  owner = await app.adminToken();
  tokens.owner = owner;
  for (const role of ['officer', 'clerk', 'analyst'] as const) {
    await hire(`walk-${role}`, role, role === 'officer' ? ['meilin'] : undefined);
    tokens[role] = (await signIn(`walk-${role}`)).token;
  }
});
afterAll(() => app.stop());

describe('every admin route answers each role by the one table', () => {
  // Ending one's own sessions would sign the walker out: it goes last.
  const names = (Object.keys(adminRouteRoles) as AdminEndpointName[]).sort((a, b) => Number(a === 'endAdminSessions') - Number(b === 'endAdminSessions'));

  it('a role outside a route’s list gets 403 FORBIDDEN; a role inside never does', async () => {
    const wrong: string[] = [];
    for (const name of names) {
      const e = endpoints[name];
      // Made-up ids and empty bodies: an allowed role meets 404 or 422 at worst, and nothing changes.
      const path = e.path.replace(/\{[^}]+\}/g, 'none');
      for (const role of roles) {
        const r = await app.call<{ error?: { code: string } }>(e.method, path, { token: tokens[role], ...('body' in e ? { body: {} } : {}) });
        const refused = r.status === 403 && r.body.error?.code === 'FORBIDDEN';
        if (refused === adminRouteRoles[name].includes(role)) wrong.push(`${name} as ${role}: ${r.status} ${r.body.error?.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    // The walk signed everyone out last: sign in again for the tests after it.
    owner = tokens.owner = await app.adminToken(true);
    for (const role of ['officer', 'clerk', 'analyst'] as const) tokens[role] = (await signIn(`walk-${role}`)).token;
  });

  it('the table covers every route an admin token can call, and owners may call them all', () => {
    const adminRoutes = Object.entries(endpoints).filter(([, e]) => e.auth === 'admin' || ('alsoFor' in e && (e.alsoFor as readonly string[]).includes('admin')));
    expect(Object.keys(adminRouteRoles).sort()).toEqual(adminRoutes.map(([n]) => n).sort());
    expect(Object.values(adminRouteRoles).every((allowed) => allowed.includes('owner'))).toBe(true);
  });
});

describe('accounts', () => {
  it('an owner creates an account that signs in with its role; a taken username is 409', async () => {
    const account = await hire('zhang.clerk', 'clerk');
    expect(account).toMatchObject({ username: 'zhang.clerk', role: 'clerk', districts: [], disabled: false, totp: false, mustChangePassword: false });
    const session = await signIn('zhang.clerk');
    expect(session.admin).toMatchObject({ id: account.id, username: 'zhang.clerk', role: 'clerk', districts: [], mustChangePassword: false });
    const again = await app.api.createAdminAccount.reply({ token: owner, body: { username: 'zhang.clerk', name: '另一个', role: 'analyst', password } });
    expect(again.error?.code).toBe('CONFLICT');
    expect((await app.api.listAdminAccounts({ token: owner })).accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', 'zhang.clerk']));
  });

  it('an officer needs a known sub-district; other roles take none', async () => {
    const none = await app.api.createAdminAccount.reply({ token: owner, body: { username: 'no-district', name: '无', role: 'officer', password } });
    expect(none.status).toBe(422);
    const unknown = await app.api.createAdminAccount.reply({ token: owner, body: { username: 'bad-district', name: '无', role: 'officer', districts: ['atlantis'], password } });
    expect(unknown.error?.details).toEqual([expect.objectContaining({ field: 'districts' })]);
    const clerk = await app.api.createAdminAccount.reply({ token: owner, body: { username: 'clerk-district', name: '无', role: 'clerk', districts: ['meilin'], password } });
    expect(clerk.status).toBe(422);
  });

  it('disabling an account ends its sessions and refuses its sign-in; an owner cannot disable themself', async () => {
    const account = await hire('leaving', 'analyst');
    const token = (await signIn('leaving')).token;
    await app.api.updateAdminAccount({ token: owner, params: { id: account.id }, body: { disabled: true } });
    expect((await app.api.adminStats.reply({ token, query: {} })).error?.code).toBe('UNAUTHENTICATED');
    expect((await app.api.createAdminSession.reply({ body: { username: 'leaving', password } })).error?.code).toBe('FORBIDDEN');
    const me = (await app.api.adminMe({ token: owner })).account;
    expect((await app.api.updateAdminAccount.reply({ token: owner, params: { id: me.id }, body: { disabled: true } })).error?.code).toBe('FORBIDDEN');
  });

  it('an edit from an older version is 409 CONFLICT, naming the version there is', async () => {
    const account = await hire('two-edits', 'officer', ['meilin']);
    await app.api.updateAdminAccount({ token: owner, params: { id: account.id }, body: { name: '第一次', version: account.version } });
    const stale = await app.api.updateAdminAccount.reply({ token: owner, params: { id: account.id }, body: { name: '第二次', version: account.version } });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', details: { version: account.version + 1 } });
  });

  it('a reset password must be changed first: until then only the own account answers', async () => {
    const account = await hire('forgetful', 'analyst');
    const before = (await signIn('forgetful')).token;
    await app.api.resetAdminPassword({ token: owner, params: { id: account.id }, body: { password: 'temporary-pass' } });
    expect((await app.api.adminStats.reply({ token: before, query: {} })).error?.code).toBe('UNAUTHENTICATED');
    const session = await signIn('forgetful', 'temporary-pass');
    expect(session.admin.mustChangePassword).toBe(true);
    expect((await app.api.adminStats.reply({ token: session.token, query: {} })).error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await app.api.changeAdminPassword.reply({ token: session.token, body: { current: 'wrong-one', password: 'my-own-pass' } })).error?.code).toBe('UNAUTHENTICATED');
    const changed = await app.api.changeAdminPassword({ token: session.token, body: { current: 'temporary-pass', password: 'my-own-pass' } });
    expect(changed.account.mustChangePassword).toBe(false);
    // Every session ended with the change, this one included; the new password works.
    expect((await app.api.adminMe.reply({ token: session.token })).error?.code).toBe('UNAUTHENTICATED');
    const fresh = await signIn('forgetful', 'my-own-pass');
    expect((await app.api.adminStats.reply({ token: fresh.token, query: {} })).ok).toBe(true);
  });

  it('signing out everywhere ends that person’s sessions only; an owner can end another’s', async () => {
    const a = await hire('person-a', 'analyst');
    await hire('person-b', 'analyst');
    const [a1, a2, b1] = [(await signIn('person-a')).token, (await signIn('person-a')).token, (await signIn('person-b')).token];
    await app.api.endAdminSessions({ token: a1 });
    expect((await app.api.adminMe.reply({ token: a2 })).error?.code).toBe('UNAUTHENTICATED');
    expect((await app.api.adminMe.reply({ token: b1 })).ok).toBe(true);
    const a3 = (await signIn('person-a')).token;
    await app.api.endAccountSessions({ token: owner, params: { id: a.id } });
    expect((await app.api.adminMe.reply({ token: a3 })).error?.code).toBe('UNAUTHENTICATED');
    expect((await app.api.adminMe.reply({ token: owner })).ok).toBe(true);
  });
});

describe('a district officer looks after their sub-districts only', () => {
  it('lists only their providers, and another district’s provider is 403 when named', async () => {
    const mine = (await app.api.createProvider({ token: owner, body: providerBody('meilin') })).provider.id;
    const theirs = (await app.api.createProvider({ token: owner, body: providerBody('lianhua') })).provider.id;
    const officer = tokens.officer;
    const listed = (await app.api.adminListProviders({ token: officer, query: {} })).providers.map((p) => p.id);
    expect(listed).toContain(mine);
    expect(listed).not.toContain(theirs);
    expect((await app.api.adminListProviders({ token: officer, query: { district: 'lianhua' } })).providers).toEqual([]);
    expect((await app.api.adminGetProvider.reply({ token: officer, params: { id: theirs } })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.approveProvider.reply({ token: officer, params: { id: theirs } })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.createProvider.reply({ token: officer, body: providerBody('lianhua') })).error?.code).toBe('FORBIDDEN');
    const { updatedAt } = (await app.api.adminGetProvider({ token: officer, params: { id: mine } })).provider;
    expect((await app.api.updateProvider.reply({ token: officer, params: { id: mine }, body: { district: 'lianhua', updatedAt } })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.createStaff.reply({ token: officer, body: { providerId: theirs, username: 'lianhua-staff', password, name: '店员' } })).error?.code).toBe('FORBIDDEN');
    expect((await app.api.approveProvider({ token: officer, params: { id: mine } })).provider.status).toBe('ACTIVE');
    // The provider the officer could not approve is untouched.
    expect((await app.api.adminGetProvider({ token: owner, params: { id: theirs } })).provider.status).toBe('PENDING');
  });

  it('a changed district applies to the next request, without a new token', async () => {
    const officer = await hire('moving-officer', 'officer', ['meilin']);
    const token = (await signIn('moving-officer')).token;
    const theirs = (await app.api.createProvider({ token: owner, body: providerBody('xiangmihu') })).provider.id;
    expect((await app.api.adminGetProvider.reply({ token, params: { id: theirs } })).error?.code).toBe('FORBIDDEN');
    await app.api.updateAdminAccount({ token: owner, params: { id: officer.id }, body: { districts: ['xiangmihu'] } });
    expect((await app.api.adminGetProvider.reply({ token, params: { id: theirs } })).ok).toBe(true);
  });
});

describe('the audit log names the person', () => {
  it('each entry’s actor is the account; reading a verification’s personal data is itself on record', async () => {
    const clerk = await hire('named-clerk', 'clerk');
    const token = (await signIn('named-clerk')).token;
    await app.api.putCatalogItem({ token, params: { itemId: 'named-rice' }, body: { name: '大米', unit: '袋', points: 10, stock: 5, active: true } });
    const entries = (await app.api.listAudit({ token: owner, query: { target: 'named-rice' } })).entries;
    expect(entries[0]!.actor).toEqual({ role: 'admin', id: clerk.id, name: 'clerk named-clerk', username: 'named-clerk' });

    const recipient = (await app.api.createDeviceSession({ body: { deviceKey: 'k'.repeat(40) } })).token;
    const { verification } = await app.api.submitVerification({ token: recipient, body: { name: '李四', phone: '13800000021', category: 'graduate', note: '' } });
    await app.api.listVerifications({ token: tokens.officer, query: { status: 'PENDING' } });
    const reads = (await app.api.listAudit({ token: owner, query: { target: verification.id } })).entries;
    expect(reads).toEqual([expect.objectContaining({ action: 'listVerifications', actor: expect.objectContaining({ username: 'walk-officer' }), after: { personalData: 'read' } })]);
  });
});

describe('four eyes', () => {
  async function providerWithPoints() {
    const id = (await app.api.createProvider({ token: owner, body: providerBody('meilin') })).provider.id;
    await app.api.approveProvider({ token: owner, params: { id } });
    return id;
  }
  const balance = async (providerId: string) => (await app.api.adminProviderPoints({ token: owner, params: { id: providerId }, query: {} })).balance;

  it('over 1,000 points waits: the requester cannot approve it; a second administrator can, and the points move once', async () => {
    const providerId = await providerWithPoints();
    const clerk = (await signIn('walk-clerk')).token;
    const asked = await app.api.createPointsAdjustment.reply({ token: clerk, body: { providerId, points: 1_000_000, reason: '大额补发' } });
    expect(asked.status).toBe(202);
    const approval = 'approval' in asked.body! ? asked.body.approval : null;
    expect(approval).toMatchObject({ status: 'PENDING', kind: 'points_adjustment', requestedBy: { username: 'walk-clerk' } });
    expect(await balance(providerId)).toBe(0);
    expect((await app.api.listApprovals({ token: owner, query: {} })).approvals.map((a) => a.id)).toContain(approval!.id);

    const own = await app.api.approveApproval.reply({ token: clerk, params: { id: approval!.id } });
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'own_request' } });
    // An analyst may not decide money at all.
    expect((await app.api.approveApproval.reply({ token: tokens.analyst, params: { id: approval!.id } })).error?.code).toBe('FORBIDDEN');

    // Ten approvals at once by two other eligible administrators: one wins, the rest are told it was decided.
    await hire('second-clerk', 'clerk');
    const second = (await signIn('second-clerk')).token;
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => app.api.approveApproval.reply({ token: i % 2 ? owner : second, params: { id: approval!.id } })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => r.error?.code)).toEqual(Array(9).fill('CONFLICT'));
    expect(await balance(providerId)).toBe(1_000_000);

    const decided = (await app.api.listApprovals({ token: owner, query: { status: 'APPROVED' } })).approvals.find((a) => a.id === approval!.id)!;
    expect(decided.decidedBy?.username).toMatch(/^(admin|second-clerk)$/);
    // Its audit entry names both people.
    const entry = (await app.api.listAudit({ token: owner, query: { target: providerId } })).entries.find((e) => e.action === 'approveApproval')!;
    expect(entry.after).toMatchObject({ points: 1_000_000, approval: { id: approval!.id, requestedBy: { username: 'walk-clerk' }, approvedBy: { username: decided.decidedBy!.username } } });
  });

  it('at or under 1,000 points an adjustment takes effect at once', async () => {
    const providerId = await providerWithPoints();
    const r = await app.api.createPointsAdjustment.reply({ token: owner, body: { providerId, points: 1_000, reason: '小额' } });
    expect(r.status).toBe(201);
    expect(await balance(providerId)).toBe(1_000);
  });

  it('a rejected request moves nothing and cannot be approved after', async () => {
    const providerId = await providerWithPoints();
    const asked = await app.api.createPointsAdjustment({ token: owner, body: { providerId, points: 5_000, reason: '待定' } });
    const id = 'approval' in asked ? asked.approval.id : '';
    const rejected = await app.api.rejectApproval({ token: tokens.clerk, params: { id }, body: { reason: '没有依据' } });
    expect(rejected.approval).toMatchObject({ status: 'REJECTED', reason: '没有依据', decidedBy: { username: 'walk-clerk' } });
    expect((await app.api.approveApproval.reply({ token: tokens.clerk, params: { id } })).error?.code).toBe('CONFLICT');
    expect(await balance(providerId)).toBe(0);
  });

  it('a change of role waits for a second owner', async () => {
    const analyst = await hire('to-be-officer', 'analyst');
    const { approval } = await app.api.changeAdminRole({ token: owner, params: { id: analyst.id }, body: { role: 'officer', districts: ['meilin'] } });
    expect((await app.api.adminMe({ token: (await signIn('to-be-officer')).token })).account.role).toBe('analyst');
    expect((await app.api.approveApproval.reply({ token: owner, params: { id: approval.id } })).error?.code).toBe('FORBIDDEN');
    // A clerk may approve money, not roles.
    expect((await app.api.approveApproval.reply({ token: tokens.clerk, params: { id: approval.id } })).error?.code).toBe('FORBIDDEN');
    await hire('second-owner', 'owner');
    await app.api.approveApproval({ token: (await signIn('second-owner')).token, params: { id: approval.id } });
    expect((await app.api.adminMe({ token: (await signIn('to-be-officer')).token })).account).toMatchObject({ role: 'officer', districts: ['meilin'] });
  });
});
