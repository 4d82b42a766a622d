import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedemptionBody, RedemptionResponse } from '@contract';
import { Pressable } from '../../components/pressable';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useQrScanner } from '../../components/qr-scanner';
import { useI18n } from '../../i18n';
import { redeem, staffToday, type Failure } from '../../services/api';
import { go, routes } from '../../routes';
import { readString, remove, StorageKey, writeString } from '../../services/storage';
import { StaffPage } from '../frame';
import { expireStaffSession, signedIn, useStaffError } from '../shared';
import './index.css';

type Outcome =
  | { ok: true; redemption: RedemptionResponse['redemption'] }
  /**
   * `invalid`: not a voucher of this counter's (red, 无效). `cannot`: a genuine voucher that cannot
   * be used now — not yet, no longer, already used (amber, never 无效). `suspended`: the voucher may
   * be fine, the restaurant is not serving (amber, titled so).
   */
  | { ok: false; reason: string; tone: 'invalid' | 'cannot' | 'suspended' };

const titleKey = { invalid: 'staff.result.fail', cannot: 'staff.result.cannot', suspended: 'staff.result.suspended' } as const;

/** How a refusal is shown: a wrong code is invalid; a genuine voucher's refusal is not. */
const toneOf = (failure: Failure): 'invalid' | 'cannot' | 'suspended' =>
  failure.code === 'PROVIDER_UNAVAILABLE' ? 'suspended' : failure.code === 'NOT_REDEEMABLE' || failure.code === 'ALREADY_REDEEMED' ? 'cannot' : 'invalid';

/** Seconds to wait from a RATE_LIMITED answer: Retry-After, else details.retryAfter, else a minute. */
function pauseSeconds(failure: Failure): number {
  const fromDetails = (failure.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return failure.retryAfter ?? (typeof fromDetails === 'number' ? fromDetails : 60);
}

/** When typed codes may be sent again: kept on the phone, so leaving the tab and coming back still shows the pause. */
function pausedUntil(): number | null {
  const until = Number(readString(StorageKey.staffPausedUntil));
  return Number.isFinite(until) && until > Date.now() ? until : null;
}

/**
 * Typing is paused (too many wrong codes): the page stays in the frame, with the tabs, says how
 * long in minutes, and offers what still works — scanning QR codes, and the no-phone handout.
 */
function Paused({ until, onDone, onScan }: { until: number; onDone: () => void; onScan: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (seconds === 0) onDone();
  }, [seconds, onDone]);
  return (
    <View className='card scan-paused' ariaRole='status' data-result='paused'>
      <View className='scan-paused__title' ariaRole='heading' aria-level='2'>
        {t('staff.paused.title')}
      </View>
      <Text className='scan-paused__detail'>{t('staff.paused.detail')}</Text>
      <Text className='scan-paused__countdown'>
        {seconds > 60 ? t('staff.paused.minutes', { m: Math.ceil(seconds / 60) }) : t('staff.paused.countdown', { s: seconds })}
      </Text>
      <Text className='scan-paused__works'>{t('staff.paused.works')}</Text>
      <Pressable className='btn btn--wide scan-paused__scan' onPress={onScan}>
        {t('staff.paused.scan')}
      </Pressable>
      <Pressable className='btn btn--ghost btn--wide scan-paused__handout' onPress={() => go.replace(routes.staffToday())}>
        {t('staff.paused.handout')}
      </Pressable>
    </View>
  );
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'] as const;

export default function StaffScanPage() {
  const { t } = useI18n();
  // The frame sends a signed-out visitor to sign in; until then nothing is asked of the server.
  const allowed = signedIn();
  const describe = useStaffError();
  // Digits typed before a session ran out come back after signing in again.
  const [code, setCode] = useState(() => {
    const kept = readString(StorageKey.staffPendingCode) ?? '';
    remove(StorageKey.staffPendingCode);
    return /^\d{1,8}$/.test(kept) ? kept : '';
  });
  const typed = useRef(code);
  typed.current = code;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [paused, setPaused] = useState(pausedUntil);
  const redemption = useIdempotentAction(
    (key, body: RedemptionBody) => redeem(body, key),
    (body) => ('code' in body ? body.code : body.voucher),
  );
  const sending = redemption.busy !== null;

  // An expired session is found on opening, not after the staff member has typed eight digits.
  useEffect(() => {
    if (!allowed) return;
    void staffToday().then((answer) => {
      if (!answer.ok && answer.code === 'UNAUTHENTICATED') expireStaffSession(typed.current);
    });
  }, [allowed]);

  const submit = async (body: RedemptionBody) => {
    const answer = await redemption.run(body);
    if (!answer) return;
    if (!answer.ok && answer.code === 'UNAUTHENTICATED') {
      expireStaffSession('code' in body ? body.code : '');
      return;
    }
    if (!answer.ok && answer.code === 'RATE_LIMITED') {
      const until = Date.now() + pauseSeconds(answer) * 1000;
      writeString(StorageKey.staffPausedUntil, String(until));
      setPaused(until);
      return;
    }
    if (answer.ok) {
      setOutcome({ ok: true, redemption: answer.data.redemption });
      void Taro.vibrateShort({ type: 'light' }).catch(() => undefined);
    } else {
      // A scanned text that is not a voucher at all fails the contract before sending: still "invalid".
      setOutcome({ ok: false, reason: describe(answer, 'scan'), tone: toneOf(answer) });
    }
  };

  // What a scan read: an 8-digit code, or else the voucher itself.
  const scanned = (result: string) => {
    const text = result.trim();
    return submit(/^\d{8}$/.test(text) ? { code: text } : { voucher: text });
  };
  const scanner = useQrScanner(scanned, { title: t('staff.scan.camera'), denied: t('staff.scan.cameraDenied'), close: t('nav.back') });

  const ready = code.length === 8 && !sending;

  // At a desk: the keyboard types on the keypad (digits, Backspace, Enter to redeem).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || outcome || paused || scanner.open) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (/^\d$/.test(event.key)) press(event.key as (typeof KEYS)[number]);
      else if (event.key === 'Backspace') press('delete');
      else if (event.key === 'Escape') press('clear');
      else if (event.key === 'Enter' && typed.current.length === 8 && event.target === document.body) void submit({ code: typed.current });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // On the result screen: Enter (or Esc) goes on to the next code, and a digit starts typing it.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !outcome) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== 'Escape' && !/^\d$/.test(event.key)) return;
      event.preventDefault();
      setOutcome(null);
      setCode(/^\d$/.test(event.key) ? event.key : '');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [outcome]);

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') setCode('');
    else if (key === 'delete') setCode((c) => c.slice(0, -1));
    else setCode((c) => (c.length < 8 ? c + key : c));
  };

  const next = useCallback(() => {
    setOutcome(null);
    setCode('');
  }, []);

  if (outcome) {
    return (
      <View ariaRole='main'>
      <View
        className={`scan-result scan-result--${outcome.ok ? 'ok' : outcome.tone === 'invalid' ? 'fail' : 'cannot'}`}
        ariaRole='alert'
        data-result={outcome.ok ? 'ok' : outcome.tone === 'invalid' ? 'fail' : 'cannot'}
        onClick={next}
      >
        <Text className='scan-result__mark'>{outcome.ok ? '✓' : outcome.tone === 'invalid' ? '✕' : '!'}</Text>
        <Text className='scan-result__title'>{outcome.ok ? t('staff.result.ok') : t(titleKey[outcome.tone])}</Text>
        <Text className='scan-result__detail'>
          {outcome.ok
            ? `${t('staff.result.okDetail', { o: outcome.redemption.offering.name })}  ${outcome.redemption.window.start}–${outcome.redemption.window.end}`
            : outcome.reason}
        </Text>
        <Pressable className='btn scan-result__next' onPress={next}>
          {t('staff.result.next')}
        </Pressable>
      </View>
      </View>
    );
  }

  if (paused) {
    return (
      <StaffPage name='scan'>
        <Paused
          until={paused}
          onDone={() => {
            remove(StorageKey.staffPausedUntil);
            setPaused(null);
          }}
          onScan={() => void scanner.scan()}
        />
        {scanner.reader}
      </StaffPage>
    );
  }

  return (
    <StaffPage name='scan'>
      <Pressable className='btn btn--wide staff-scan__camera' onPress={() => void scanner.scan()}>
        {t('staff.scan.camera')}
      </Pressable>
      <Text className='staff-scan__label'>{t('staff.scan.codeLabel')}</Text>
      <View className='code-slots' ariaRole='status' ariaLabel={code.split('').join(' ') || t('staff.scan.codeLabel')}>
        {Array.from({ length: 8 }, (_, i) => (
          <Text key={i} className={i === 4 ? 'code-slot code-slot--gap' : 'code-slot'}>
            {code[i] ?? ''}
          </Text>
        ))}
      </View>
      <View className='keypad'>
        {KEYS.map((key) => (
          <Pressable
            key={key}
            className={key.length === 1 ? 'keypad__key' : 'keypad__key keypad__key--fn'}
            label={key === 'clear' ? t('staff.scan.clear') : key === 'delete' ? t('staff.scan.delete') : key}
            data={{ key }}
            onPress={() => press(key)}
          >
            {key === 'clear' ? t('staff.scan.clear') : key === 'delete' ? '⌫' : key}
          </Pressable>
        ))}
      </View>
      <Pressable
        className={ready ? 'btn btn--wide staff-scan__redeem' : 'btn btn--wide btn--disabled staff-scan__redeem'}
        disabled={!ready}
        onPress={() => void submit({ code })}
      >
        {t('staff.scan.redeem')}
      </Pressable>
      {scanner.reader}
    </StaffPage>
  );
}
