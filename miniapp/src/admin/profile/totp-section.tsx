// Two-step sign-in for one's own account: off → a new secret (QR code and text) → a code from the
// app confirms it → the ten recovery codes, shown this once → on.
import { useState } from 'react';
import { ConfirmTotpBody, type TotpEnrolment } from '@contract';
import { QrCode } from '../../components/qr-code';
import { confirmTotp, enrolTotp } from '../api';
import { TextField } from '../form';
import { useAdminText } from '../i18n';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { Section } from '../section';
import { useAdminForm } from '../use-admin-form';

function Confirm({ enrolment, onCodes, onStale }: { enrolment: TotpEnrolment; onCodes: (codes: string[]) => void; onStale: () => void }) {
  const t = useAdminText();
  const [otp, setOtp] = useState('');
  const { errors, notice, saving, onSubmit } = useAdminForm({
    check: () => ConfirmTotpBody.safeParse({ otp: otp.trim() }),
    send: async (body: ConfirmTotpBody) => {
      const answer = await confirmTotp(body.otp);
      if (answer.ok) onCodes(answer.data.recoveryCodes);
      // Enrolled again elsewhere, or already on: this secret no longer confirms anything.
      else if (answer.code === 'CONFLICT') onStale();
      return answer;
    },
    saved: () => '',
  });
  return (
    <div className='admin-totp__setup'>
      <QrCode text={enrolment.uri} size={200} label={t('profile.totpQr')} />
      <div>
        <p>{t('profile.totpScan')}</p>
        <p>
          {t('profile.totpSecret')}: <code className='admin-totp__secret'>{enrolment.secret}</code>
        </p>
        <form className='admin-form admin-form--inline admin-totp__confirm' onSubmit={onSubmit} noValidate>
          <TextField
            name='otp'
            label={t('profile.totpCode')}
            errors={errors}
            short
            input={{ autoComplete: 'one-time-code', inputMode: 'numeric', maxLength: 6, pattern: '[0-9]*' }}
            value={otp}
            onChange={setOtp}
          />
          <button type='submit' className='admin-btn admin-totp__confirm-btn' disabled={saving}>
            {t('profile.totpConfirm')}
          </button>
        </form>
        {notice && !notice.ok && <Notice notice={notice} />}
      </div>
    </div>
  );
}

function RecoveryCodes({ codes, onKept }: { codes: string[]; onKept: () => void }) {
  const t = useAdminText();
  return (
    <div className='admin-totp__recovery'>
      <p role='status'>{t('profile.recoveryNote')}</p>
      <ul className='admin-totp__codes' aria-label={t('profile.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type='button' className='admin-btn admin-totp__kept' onClick={onKept}>
        {t('profile.recoveryKept')}
      </button>
    </div>
  );
}

type Stage = { at: 'idle' } | { at: 'enrolling'; enrolment: TotpEnrolment } | { at: 'codes'; codes: string[] };

export function TotpSection({ on, onChanged }: { on: boolean; onChanged: () => void }) {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [notice, setNotice] = useState<NoticeState>(null);
  const [starting, setStarting] = useState(false);

  const start = async () => {
    setStarting(true);
    setNotice(null);
    const answer = await enrolTotp();
    setStarting(false);
    if (answer.ok) setStage({ at: 'enrolling', enrolment: answer.data });
    else {
      setNotice(noticeOf(answer, () => ''));
      onChanged();
    }
  };

  const body = (() => {
    switch (stage.at) {
      case 'codes':
        return (
          <RecoveryCodes
            codes={stage.codes}
            onKept={() => {
              setStage({ at: 'idle' });
              onChanged();
            }}
          />
        );
      case 'enrolling':
        return (
          <Confirm
            enrolment={stage.enrolment}
            onCodes={(codes) => setStage({ at: 'codes', codes })}
            onStale={() => {
              setStage({ at: 'idle' });
              setNotice({ ok: false, text: t('profile.totpStale') });
              onChanged();
            }}
          />
        );
      case 'idle':
        return on ? (
          <p className='admin-totp__on'>{t('profile.totpOn')}</p>
        ) : (
          <>
            <p className='admin-totp__off'>{t('profile.totpOff')}</p>
            <button type='button' className='admin-btn admin-totp__start' disabled={starting} onClick={() => void start()}>
              {t('profile.totpStart')}
            </button>
          </>
        );
    }
  })();

  return (
    <Section id='totp' className='admin-totp' title={t('profile.totp')}>
      {body}
      <Notice notice={notice} />
    </Section>
  );
}
