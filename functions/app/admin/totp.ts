/**
 * Two-step sign-in for an administrator's own account: enrol a TOTP secret, then confirm it with
 * a code from the authenticator app, which turns it on and hands out the recovery codes, once.
 * Sign-in checks the codes (functions/app/signin/sessions.ts).
 */
import type { ConfirmTotpBody, RecoveryCodes, TotpEnrolment } from '../../contract/office.js';
import { DomainError, invalid } from '../../domain/errors.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { own } from './me.js';

const alreadyOn = (): never => {
  throw new DomainError('CONFLICT', 'two-step sign-in is already on for this account', { reason: 'already_on' });
};

/**
 * A new secret, pending until confirmed: the answer is the only time it leaves the server in the
 * clear. Enrolling again replaces a pending one (a QR code scanned into the wrong phone).
 */
export async function enrolTotp(ctx: AdminCtx): Promise<TotpEnrolment> {
  const { store, secondFactor } = ctx.deps;
  const before = await own(ctx);
  if (before.totpOn === true) return alreadyOn();
  const { secret, uri, sealed } = secondFactor.newSecret(before.username);
  const out = await store.accounts.enrolTotp(before.username, sealed, {
    audit: audited(ctx, { type: 'admin', id: before.id }, { totp: before.totpPending ? 'pending' : 'off' }, { totp: 'pending' }),
  });
  // The only condition that can fail: turned on meanwhile, by a confirm racing this.
  if (!out.ok) return alreadyOn();
  return { secret, uri };
}

/**
 * A code from the pending secret turns two-step sign-in on. Its time step counts as used, so the
 * same code cannot sign in afterwards. A wrong code is a form error on `otp` (422): the person
 * retypes it, they are not signed out. The session making the request stays: it was the account's
 * own, and from now on every sign-in needs a code.
 */
export async function confirmTotp(ctx: AdminCtx, body: ConfirmTotpBody): Promise<RecoveryCodes> {
  const { store, secondFactor, config } = ctx.deps;
  const before = await own(ctx);
  if (before.totpOn === true) return alreadyOn();
  const pending = before.totpPending;
  if (!pending) throw new DomainError('CONFLICT', 'start with POST /v1/admin/me/totp: there is no secret to confirm', { reason: 'not_enrolled' });
  const step = secondFactor.matchStep(pending, before.username, body.otp, ctx.now, config.office.totpDriftSteps);
  if (step === null) return invalid([{ in: 'body', field: 'otp', message: 'this is not the code the authenticator app shows now; check its clock and try the next one' }]);
  const { codes, hashes } = secondFactor.newRecoveryCodes(before.username, config.office.recoveryCodes);
  const out = await store.accounts.confirmTotp(before.username, { pending, recoveryHashes: hashes, step }, {
    audit: audited(ctx, { type: 'admin', id: before.id }, { totp: false }, { totp: true }),
  });
  if (!out.ok) throw new DomainError('CONFLICT', 'the enrolment changed meanwhile (enrolled again elsewhere?); start again', { reason: 'changed' });
  // The token check reads `totpOn` through a short cache: drop it, so TOTP_REQUIRED lifts at once here.
  ctx.deps.adminSessions.forget(before.username);
  return { recoveryCodes: codes };
}
