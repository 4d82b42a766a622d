import type { PhoneChallengeBody, PhoneChallengeResponse, PhoneSessionBody, RecipientSessionResponse } from '../../contract/sessions.js';
import { DomainError } from '../../domain/errors.js';
import { codeDigest, newPhoneCode, phoneKey, sameDigest } from '../../security/phone.js';
import type { SmsSender } from '../../sms/sender.js';
import type { Ctx } from '../context.js';
import { takeRate } from '../rate-limit.js';
import { recipientSession } from './sessions.js';

function smsOf(ctx: Ctx): SmsSender {
  return ctx.deps.sms ?? (() => {
    throw new DomainError('NOT_CONFIGURED', 'sign-in by phone is not configured on this server yet (no SMS provider)');
  })();
}

/**
 * Sends a one-time code to a phone. Each costs an SMS, so codes are limited per phone and per
 * calling address; the code itself is never stored, only its keyed digest.
 */
export async function createPhoneChallenge(ctx: Ctx, body: PhoneChallengeBody): Promise<PhoneChallengeResponse> {
  const sms = smsOf(ctx);
  const { config, idSecret, store } = ctx.deps;
  const key = phoneKey(idSecret, body.phone);
  await takeRate(ctx, 'phone-challenge', key, config.phone.challengesPerPhonePerHour, 3600);
  await takeRate(ctx, 'phone-challenge-client', ctx.client, config.clients.phoneChallengesPerHour, 3600);
  const code = newPhoneCode(config.phone.codeDigits);
  const ttl = config.phone.codeTtlSeconds;
  await store.phoneChallenges.issue(key, codeDigest(idSecret, key, code), Math.floor(ctx.now.getTime() / 1000) + ttl);
  await sms.send(body.phone, `【M餐】验证码 ${code}，${Math.round(ttl / 60)} 分钟内有效。Your M餐 code is ${code}.`);
  return { sent: true, expiresInSeconds: ttl };
}

/**
 * A confirmed phone is one recipient: the id is derived from the number. Each attempt is reserved
 * before the code is compared, so parallel guesses cannot exceed the attempts a code allows.
 */
export async function createPhoneSession(ctx: Ctx, body: PhoneSessionBody): Promise<RecipientSessionResponse> {
  smsOf(ctx);
  const { config, idSecret, store } = ctx.deps;
  const key = phoneKey(idSecret, body.phone);
  const nowEpoch = Math.floor(ctx.now.getTime() / 1000);
  const attempt = await store.phoneChallenges.attempt(key, nowEpoch, config.phone.attemptsPerCode);
  if (!attempt.ok && attempt.reason === 'exhausted') {
    throw new DomainError('RATE_LIMITED', 'too many wrong codes; request a new code', { retryAfterSeconds: 1, action: 'request_new_code' }, 1);
  }
  // A right code works once: of two racing uses, one consumes it.
  if (!attempt.ok || !sameDigest(attempt.digest, codeDigest(idSecret, key, body.code)) || !(await store.phoneChallenges.consume(key, attempt.digest))) {
    throw new DomainError('UNAUTHENTICATED', 'wrong or expired code');
  }
  return recipientSession(ctx, 'phone', body.phone);
}
