// The desk's decisions that must say why, and its second chances (issue 22 items 8, 11, 12, 13):
// a suspension with its reason and its own reinstatement, a verification rejected or revoked with
// a reason and its phone shown only on an audited reveal, partial reversals that never add up to
// more than their credit, and a staff account's password reset and re-enabling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

const LUNCH = '2026-11-30T11:40:00+08:00';

describe('the desk’s actions with reasons', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    await app.setClock(LUNCH);
    admin = await app.adminToken();
  });
  afterAll(() => app.stop());

  const auditOf = async (target: string) => (await app.api.listAudit({ token: admin, query: { target, limit: 200 } })).entries;
  const raw = (path: string, body?: unknown) => app.call<{ error: { code: string; details?: unknown } }>('POST', path, { token: admin, body });

  describe('suspension (item 8)', () => {
    it('needs a reason, keeps it with the provider and in the audit, and words the cancelled booking and the counter’s refusal for it', async () => {
      const { providerId, offeringId, staffToken } = await providerWithOffering(app, '暂停测试', 10);
      const token = await recipient(app);
      const booking = (await app.api.createBooking({ token, body: { offeringId, windowId: 'lunch' } })).booking;

      // No body at all is a malformed request (400); a body without a usable reason is 422.
      expect((await raw(`/v1/admin/providers/${providerId}/suspend`)).status).toBe(400);
      for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(201) }, { reason: '原因', extra: 1 }]) {
        const r = await raw(`/v1/admin/providers/${providerId}/suspend`, body);
        expect(r.status, JSON.stringify(body)).toBe(422);
        expect(r.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect((await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider.status).toBe('ACTIVE');

      const { provider } = await app.api.suspendProvider({ token: admin, params: { id: providerId }, body: { reason: '  食品安全抽检不合格  ' } });
      expect(provider).toMatchObject({ status: 'SUSPENDED', suspension: { reason: '食品安全抽检不合格', at: new Date(LUNCH).toISOString(), by: { name: expect.any(String) } } });
      expect((await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider.suspension?.reason).toBe('食品安全抽检不合格');
      const entry = (await auditOf(providerId)).find((e) => e.action === 'suspendProvider')!;
      expect(entry.after).toMatchObject({ status: 'SUSPENDED', suspension: { reason: '食品安全抽检不合格' } });

      // The recipient's booking says why it ended; the counter's refusal is the counter's, not the ingredient shop's.
      expect((await app.api.getBooking({ token, params: { id: booking.id } })).booking).toMatchObject({ status: 'CANCELLED', cancelReason: 'provider_suspended' });
      const scan = await app.api.redeem.reply({ token: staffToken, body: { code: '12345678' } });
      expect(scan.status).toBe(403);
      expect(asSent(scan)).toMatchObject({ error: { code: 'PROVIDER_UNAVAILABLE', details: { reason: 'suspended', at: 'handout' } } });

      // Suspended again, or approved as if new: 409, nothing changed.
      const before = (await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider;
      expect((await app.api.suspendProvider.reply({ token: admin, params: { id: providerId }, body: { reason: '再次' } })).status).toBe(409);
      expect((await app.api.approveProvider.reply({ token: admin, params: { id: providerId } })).status).toBe(409);
      expect((await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider).toEqual(before);
    });

    it('reinstates as its own audited action, only a suspended provider, and only with valid documents', async () => {
      const { providerId } = await providerWithOffering(app, '恢复测试', 10);
      expect((await app.api.reinstateProvider.reply({ token: admin, params: { id: providerId } })).status).toBe(409);
      await app.api.suspendProvider({ token: admin, params: { id: providerId }, body: { reason: '暂停整改' } });

      // A permit that lapsed while suspended blocks the reinstatement, as it blocks an approval.
      let { updatedAt } = (await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider;
      updatedAt = (await app.api.updateProvider({ token: admin, params: { id: providerId }, body: { hygienePermit: { number: 'HP', expiresOn: '2020-01-01' }, updatedAt } })).provider.updatedAt;
      const lapsed = await app.api.reinstateProvider.reply({ token: admin, params: { id: providerId } });
      expect(lapsed.status).toBe(409);
      expect(lapsed.error?.details).toMatchObject({ reason: 'documents', documents: [{ document: 'hygienePermit', expiresOn: '2020-01-01' }] });
      expect((await app.api.adminGetProvider({ token: admin, params: { id: providerId } })).provider.status).toBe('SUSPENDED');
      await app.api.updateProvider({ token: admin, params: { id: providerId }, body: { hygienePermit: { number: 'HP', expiresOn: '2030-01-01' }, updatedAt } });

      const { provider } = await app.api.reinstateProvider({ token: admin, params: { id: providerId } });
      expect(provider).toMatchObject({ status: 'ACTIVE', suspension: null });
      expect((await auditOf(providerId)).map((e) => e.action)).toContain('reinstateProvider');
      expect((await app.api.listProviders({})).providers.map((p) => p.id)).toContain(providerId);
      expect((await app.api.reinstateProvider.reply({ token: admin, params: { id: providerId } })).status).toBe(409);
    });
  });

  describe('verification (item 11)', () => {
    let phones = 0;
    const apply = async () => {
      const token = await recipient(app);
      const phone = `139${String(++phones).padStart(8, '0')}`;
      const id = (await app.api.submitVerification({ token, body: { name: '李四', phone, category: 'graduate', note: '' } })).verification.id;
      return { token, phone, id };
    };

    it('rejects only with a reason, which the applicant reads', async () => {
      const a = await apply();
      for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(201) }]) {
        expect((await raw(`/v1/admin/verifications/${a.id}/reject`, body)).status, JSON.stringify(body)).toBe(422);
      }
      expect((await app.api.getMe({ token: a.token })).user.verification).toMatchObject({ status: 'PENDING' });
      const { verification } = await app.api.rejectVerification({ token: admin, params: { id: a.id }, body: { reason: '毕业证明不清晰' } });
      expect(verification).toMatchObject({ status: 'REJECTED', reason: '毕业证明不清晰' });
      expect((await app.api.getMe({ token: a.token })).user.verification).toEqual({ id: a.id, status: 'REJECTED', reason: '毕业证明不清晰' });
      expect((await app.api.revokeVerification.reply({ token: admin, params: { id: a.id }, body: { reason: '不是已通过的' } })).status).toBe(409);
    });

    it('lists phones masked; the whole number is one audited reveal away, and the audit never holds it', async () => {
      const a = await apply();
      const listed = await app.api.listVerifications.reply({ token: admin, query: { status: 'PENDING' } });
      expect(listed.text).not.toContain(a.phone);
      const mine = listed.body!.verifications.find((v) => v.id === a.id)!;
      expect(mine).toMatchObject({ name: '李四', maskedPhone: `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}` });

      expect(await app.api.revealVerificationPhone({ token: admin, params: { id: a.id } })).toEqual({ phone: a.phone });
      const entries = await auditOf(a.id);
      expect(entries.find((e) => e.action === 'revealVerificationPhone')?.after).toEqual({ personalData: 'phone_revealed' });
      expect(JSON.stringify(entries)).not.toContain(a.phone);
      expect((await app.api.revealVerificationPhone.reply({ token: admin, params: { id: 'v_nope' } })).status).toBe(404);
    });

    it('revokes an approval with a reason: the person is unverified from then on, and may apply again with the same phone', async () => {
      const a = await apply();
      await app.api.approveVerification({ token: admin, params: { id: a.id } });
      expect((await app.api.getMe({ token: a.token })).user.verified).toBe(true);
      expect((await raw(`/v1/admin/verifications/${a.id}/revoke`, { reason: ' ' })).status).toBe(422);
      expect((await app.api.getMe({ token: a.token })).user.verified).toBe(true);

      const { verification } = await app.api.revokeVerification({ token: admin, params: { id: a.id }, body: { reason: '身份信息不实' } });
      expect(verification).toMatchObject({ status: 'REVOKED', reason: '身份信息不实' });
      const me = (await app.api.getMe({ token: a.token })).user;
      expect(me).toMatchObject({ verified: false, verifiedUntil: null, verification: { id: a.id, status: 'REVOKED', reason: '身份信息不实' } });
      expect((await app.api.listVerifications({ token: admin, query: { status: 'REVOKED' } })).verifications.map((v) => v.id)).toContain(a.id);
      expect((await auditOf(a.id)).find((e) => e.action === 'revokeVerification')?.after).toEqual({ status: 'REVOKED', reason: '身份信息不实' });
      expect((await app.api.revokeVerification.reply({ token: admin, params: { id: a.id }, body: { reason: '再次' } })).status).toBe(409);

      const again = await app.api.submitVerification.reply({ token: a.token, body: { name: '李四', phone: a.phone, category: 'graduate', note: '补充材料' } });
      expect(again.status).toBe(202);
    });
  });

  describe('points reversals (item 12)', () => {
    it('takes back part of a credit; parallel partial reversals never add up to more than it', async () => {
      const { providerId } = await providerWithOffering(app, '冲正测试', 5);
      const credit = (await app.api.createPointsAdjustment({ token: admin, body: { providerId, points: 100, reason: '补发' } })) as { entry: { id: string } };
      const reverse = (points?: number) => app.api.createPointsReversal.reply({ token: admin, body: { providerId, entryId: credit.entry.id, reason: '部分有误', ...(points === undefined ? {} : { points }) } });
      const ledger = async () => app.api.adminProviderPoints({ token: admin, params: { id: providerId }, query: { limit: 200 } });

      for (const points of [0, -5, 1.5]) expect((await reverse(points)).status, String(points)).toBe(422);
      const tooMuch = await reverse(101);
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.error?.details).toMatchObject({ reason: 'more_than_left', left: 100 });
      expect((await ledger()).balance).toBe(100);

      expect((await reverse(30)).body).toMatchObject({ entry: { points: -30, reason: 'reversal', ref: credit.entry.id } });
      expect((await ledger()).entries.find((e) => e.id === credit.entry.id)?.reversed).toBe(30);

      // Ten admins at once each take 20 of the 70 left: exactly three succeed.
      const replies = await Promise.all(Array.from({ length: 10 }, () => reverse(20)));
      expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
      expect(replies.filter((r) => r.status === 409)).toHaveLength(7);
      let now = await ledger();
      expect(now.entries.find((e) => e.id === credit.entry.id)?.reversed).toBe(90);
      expect(now.balance).toBe(10);

      // Without `points`: all that is left; then nothing is.
      expect((await reverse()).body).toMatchObject({ entry: { points: -10 } });
      now = await ledger();
      expect(now.entries.find((e) => e.id === credit.entry.id)?.reversed).toBe(100);
      expect(now.balance).toBe(0);
      expect(now.entries.filter((e) => e.reason === 'reversal').reduce((s, e) => s - e.points, 0)).toBe(100);
      const done = await reverse(1);
      expect(done.error?.details).toMatchObject({ reason: 'reversed', left: 0 });
    });

    it('a partial reversal above the four-eyes threshold waits for a second administrator', async () => {
      const { providerId } = await providerWithOffering(app, '四眼冲正', 5);
      await app.api.createAdminAccount({ token: admin, body: { username: 'second-owner', name: '第二负责人', role: 'owner', password: 'second-password' } });
      const second = (await app.api.createAdminSession({ body: { username: 'second-owner', password: 'second-password' } })).token;
      const waiting = await app.api.createPointsAdjustment({ token: admin, body: { providerId, points: 3000, reason: '大额补发' } });
      await app.api.approveApproval({ token: second, params: { id: 'approval' in waiting ? waiting.approval.id : '' } });
      const credit = (await app.api.adminProviderPoints({ token: admin, params: { id: providerId } })).entries.find((e) => e.reason === 'adjustment')!;

      const small = await app.api.createPointsReversal.reply({ token: admin, body: { providerId, entryId: credit.id, reason: '小额', points: 500 } });
      expect(small.status).toBe(201);
      const big = await app.api.createPointsReversal.reply({ token: admin, body: { providerId, entryId: credit.id, reason: '大额', points: 1500 } });
      expect(big.status).toBe(202);
      expect(big.body).toMatchObject({ approval: { kind: 'points_reversal', change: { points: -1500 } } });
      await app.api.approveApproval({ token: second, params: { id: 'approval' in big.body! ? big.body.approval.id : '' } });
      const after = await app.api.adminProviderPoints({ token: admin, params: { id: providerId } });
      expect(after.entries.find((e) => e.id === credit.id)?.reversed).toBe(2000);
      expect(after.balance).toBe(1000);
    });
  });

  describe('staff accounts (item 13)', () => {
    it('resets a password: old sessions and the old password stop working, the new one signs in; the audit keeps no password', async () => {
      const { providerId, username, staffToken } = await providerWithOffering(app, '重置测试', 5);
      const member = (await app.api.adminListStaff({ token: admin, params: { id: providerId } })).staff[0]!;
      expect((await raw(`/v1/admin/staff/${member.id}/password`, { password: 'short' })).status).toBe(422);
      expect((await raw(`/v1/admin/staff/${member.id}/password`, {})).status).toBe(422);
      expect((await app.api.staffToday.reply({ token: staffToken })).status).toBe(200);

      await app.api.resetStaffPassword({ token: admin, params: { id: member.id }, body: { password: 'temporary-pass' } });
      expect((await app.api.staffToday.reply({ token: staffToken })).status).toBe(401);
      expect((await app.api.createStaffSession.reply({ body: { username, password: 'password-1' } })).status).toBe(401);
      const fresh = await staff(app, username, 'temporary-pass');
      expect((await app.api.staffToday.reply({ token: fresh })).status).toBe(200);
      const entry = (await auditOf(member.id)).find((e) => e.action === 'resetStaffPassword')!;
      expect(entry.after).toEqual({ signIn: 'reset', sessionsEnded: true });
      expect(JSON.stringify(entry)).not.toContain('temporary-pass');
      expect((await app.api.resetStaffPassword.reply({ token: admin, params: { id: 's_nope' }, body: { password: 'temporary-pass' } })).status).toBe(404);
    });

    it('re-enables a disabled account (409 for one that is not disabled, nothing changed)', async () => {
      const { providerId, username } = await providerWithOffering(app, '启用测试', 5);
      const member = (await app.api.adminListStaff({ token: admin, params: { id: providerId } })).staff[0]!;
      expect((await app.api.enableStaff.reply({ token: admin, params: { id: member.id } })).status).toBe(409);
      await app.api.disableStaff({ token: admin, params: { id: member.id } });
      expect((await app.api.createStaffSession.reply({ body: { username, password: 'password-1' } })).status).toBe(403);
      expect((await app.api.enableStaff({ token: admin, params: { id: member.id } })).staff.disabled).toBe(false);
      expect((await app.api.adminListStaff({ token: admin, params: { id: providerId } })).staff[0]!.disabled).toBe(false);
      expect((await app.api.createStaffSession.reply({ body: { username, password: 'password-1' } })).status).toBe(200);
      expect((await auditOf(member.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['disableStaff', 'enableStaff']));
    });
  });
});
