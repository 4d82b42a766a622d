import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RedemptionBody, RedemptionResponse } from '@contract';
import { Pressable } from '../../components/pressable';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useQrScanner } from '../../components/qr-scanner';
import { useI18n } from '../../i18n';
import { redeem, staffToday, type Failure } from '../../services/api';
import { readString, remove, StorageKey } from '../../services/storage';
import { StaffPage } from '../frame';
import { expireStaffSession, signedIn, useStaffError } from '../shared';
import './index.css';

type Outcome =
  | { ok: true; redemption: RedemptionResponse['redemption'] }
  /** `suspended`: the voucher may be fine, the restaurant is not serving (titled so, not "invalid"). */
  | { ok: false; reason: string; suspended: boolean }
  /** Too many wrong codes: typing is paused (the voucher in hand may well be good). */
  | { ok: 'paused'; until: number };

/** Seconds to wait from a RATE_LIMITED answer: Retry-After, else details.retryAfter, else a minute. */
function pauseSeconds(failure: Failure): number {
  const fromDetails = (failure.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return failure.retryAfter ?? (typeof fromDetails === 'number' ? fromDetails : 60);
}

function PausedCountdown({ until, onDone }: { until: number; onDone: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (left === 0) onDone();
  }, [left, onDone]);
  return <Text className='scan-result__countdown'>{t('staff.paused.countdown', { s: left })}</Text>;
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
      setOutcome({ ok: 'paused', until: Date.now() + pauseSeconds(answer) * 1000 });
      return;
    }
    if (answer.ok) {
      setOutcome({ ok: true, redemption: answer.data.redemption });
      void Taro.vibrateShort({ type: 'light' }).catch(() => undefined);
    } else {
      // A scanned text that is not a voucher at all fails the contract before sending: still "invalid".
      setOutcome({ ok: false, reason: describe(answer, 'scan'), suspended: answer.code === 'PROVIDER_UNAVAILABLE' });
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
    if (process.env.TARO_ENV !== 'h5' || outcome || scanner.open) return;
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

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') setCode('');
    else if (key === 'delete') setCode((c) => c.slice(0, -1));
    else setCode((c) => (c.length < 8 ? c + key : c));
  };

  const next = useCallback(() => {
    setOutcome(null);
    setCode('');
  }, []);

  if (outcome?.ok === 'paused') {
    return (
      <View className='page scan-paused' ariaRole='main'>
        <View className='scan-paused__box' ariaRole='status' data-result='paused'>
          <Text className='scan-paused__mark'>⏸</Text>
          <View className='scan-paused__title' ariaRole='heading' aria-level='1'>
            {t('staff.paused.title')}
          </View>
          <Text className='scan-paused__detail'>{t('staff.paused.detail')}</Text>
          <PausedCountdown until={outcome.until} onDone={next} />
          <Pressable className='btn btn--wide scan-paused__scan' onPress={() => { next(); void scanner.scan(); }}>
            {t('staff.paused.scan')}
          </Pressable>
        </View>
      </View>
    );
  }

  if (outcome) {
    return (
      <View ariaRole='main'>
      <View
        className={outcome.ok ? 'scan-result scan-result--ok' : 'scan-result scan-result--fail'}
        ariaRole='alert'
        data-result={outcome.ok ? 'ok' : 'fail'}
        onClick={next}
      >
        <Text className='scan-result__mark'>{outcome.ok ? '✓' : '✕'}</Text>
        <Text className='scan-result__title'>{outcome.ok ? t('staff.result.ok') : t(outcome.suspended ? 'staff.result.suspended' : 'staff.result.fail')}</Text>
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
