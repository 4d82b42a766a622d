import type { PasswordSessionBody } from '../../contract/index.js';
import { DomainError } from '../../domain/errors.js';
import { decoyHash, verifyPassword } from '../../security/passwords.js';
import { knownSignInDevice, newSignInDevice, type SignInDevice } from '../../security/sign-in-devices.js';
import type { Account } from '../../store/index.js';
import type { Ctx } from '../context.js';
import { limited, reserve, type Reservation } from '../rate-limit.js';

/** A right password: the account, and the device credential the client keeps for next time. */
export interface SignedIn<R extends Account['role']> {
  account: Extract<Account, { role: R }>;
  device: string;
}

let decoy: Promise<string> | undefined;

/** What must also hold after a right password (an administrator's second factor); throws if not. */
export type SecondStep = (account: Account) => Promise<void>;

interface Attempt {
  password: string;
  role: Account['role'];
  secondStep: SecondStep | undefined;
}

const wrong = () => new DomainError('UNAUTHENTICATED', 'wrong username or password');

/**
 * A staff or admin sign-in. Wrong passwords are counted against where they come from, never
 * against the account, so nobody can lock an account by naming it (usernames are no secret):
 * - from a known device (the request carries the credential an earlier sign-in to this very
 *   account answered): against that device alone. It skips the address's throttle and the
 *   in-flight check, and its hashing may use the gate's reserve, so an attacker at the same
 *   address, or flooding the gate with made-up names, stops neither it nor its right password;
 * - from anywhere else: against the calling address.
 * A credential that is forged, for another account or from before the account's sessions were
 * ended counts as no credential at all. A right password hands its reservation back and answers
 * the device's credential (a new one for a device not known yet).
 */
export async function signIn<R extends Account['role']>(ctx: Ctx, body: PasswordSessionBody, role: R, secondStep?: SecondStep): Promise<SignedIn<R>> {
  const { idSecret, store } = ctx.deps;
  // Usernames are lowercase (the contract's rule for new accounts): the lookup takes the name as
  // typed on a phone that capitalises its first letter.
  const who = body.username.trim().toLowerCase();
  // A credential can only be judged against the account it names, so it costs one read up front
  // (reused below); without one, the read waits until the address's reservation goes with it.
  const account = body.device === undefined ? undefined : await store.accounts.get(who);
  const device = account && body.device !== undefined ? knownSignInDevice(idSecret, account, body.device) : null;
  const given = { password: body.password, role, secondStep };
  const signedIn = device && account ? await fromKnownDevice(ctx, account, device, given) : await fromElsewhere(ctx, who, account, given);
  return { account: signedIn as Extract<Account, { role: R }>, device: (device ?? newSignInDevice(idSecret, signedIn)).token };
}

/**
 * The device's own failure allowance is reserved before the gate, so a known device's parallel
 * flood reaches the gate's reserve at most `deviceFailuresPerMinute` at a time; BUSY hands the
 * reservation back, as it is no failure.
 */
async function fromKnownDevice(ctx: Ctx, account: Account, device: SignInDevice, { password, role, secondStep }: Attempt): Promise<Account> {
  const { config, passwordGate } = ctx.deps;
  const attempt = await reserve(
    ctx,
    [
      { scope: 'signin-fail-device', who: device.id, limit: config.signIn.deviceFailuresPerMinute, seconds: 60 },
      { scope: 'signin-fail-device', who: device.id, limit: config.signIn.deviceFailuresPerHour, seconds: 3600 },
    ],
    'too many failed sign-ins from this device; wait before trying again',
  );
  const ok = await passwordGate.run(() => verifyPassword(password, account.passwordHash, config.passwords), 'reserved').catch(async (e: unknown) => {
    await attempt.release();
    throw e;
  });
  return settle(attempt, ok ? account : null, role, secondStep);
}

/**
 * In order, each before any password hashing:
 * - one sign-in per address and username at a time in this process (a parallel flood on one
 *   account from one place is answered 429 at once, costing neither the table nor a core; other
 *   addresses are not held up by it);
 * - the gate on hashing work, open share only: when full, 503 BUSY at once (no failure counted);
 * - the address's failure allowance, reserved atomically (`n < limit`), so however many attempts
 *   arrive, at most the allowance is ever checked.
 * Unknown usernames cost the same scrypt time and the same allowance, so neither reveals which
 * accounts exist.
 */
async function fromElsewhere(ctx: Ctx, who: string, read: Account | null | undefined, { password, role, secondStep }: Attempt): Promise<Account> {
  const { config, store, passwordGate, signingIn } = ctx.deps;
  const pair = `${ctx.client}\n${who}`;
  if (signingIn.has(pair)) throw limited(ctx, 1, 'a sign-in for this account from this address is already in progress');
  signingIn.add(pair);
  try {
    return await passwordGate.run(async () => {
      const [attempt, account] = await Promise.all([
        reserve(
          ctx,
          [
            { scope: 'signin-fail-client', who: ctx.client, limit: config.clients.signInFailuresPerMinute, seconds: 60 },
            { scope: 'signin-fail-client', who: ctx.client, limit: config.clients.signInFailuresPerHour, seconds: 3600 },
          ],
          'too many failed sign-ins from this address; wait, or sign in on a device that has signed in before',
        ),
        read === undefined ? store.accounts.get(who) : read,
      ]);
      const hash = account?.passwordHash ?? (await (decoy ??= decoyHash(config.passwords)));
      const ok = await verifyPassword(password, hash, config.passwords);
      return settle(attempt, ok ? account : null, role, secondStep);
    });
  } finally {
    signingIn.delete(pair);
  }
}

/**
 * A wrong password keeps its reservation (a failure); a right one hands it back. The right
 * password of an account of the other role is a failure too, so the allowance says nothing
 * about which passwords are right. A wrong second-factor code also keeps it, so codes are guessed
 * no faster than passwords; being asked for the code hands it back, as a right password does.
 */
async function settle(attempt: Reservation, account: Account | null, role: Account['role'], secondStep: SecondStep | undefined): Promise<Account> {
  if (!account || account.role !== role) throw wrong();
  await secondStep?.(account).catch(async (e: unknown) => {
    if (e instanceof DomainError && e.code === 'OTP_REQUIRED') await attempt.release();
    throw e;
  });
  await attempt.release();
  return account;
}
