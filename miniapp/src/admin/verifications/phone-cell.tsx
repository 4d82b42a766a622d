// An applicant's phone as the list shows it: masked, with a button that fetches the whole number
// for this one row. Each reveal is on the audit log (the number itself is not); the number stays
// only in this cell, until the page is left.
import { useState } from 'react';
import type { AdminVerification } from '@contract';
import { revealVerificationPhone } from '../api';
import { useAdminText } from '../i18n';
import { useNoticeOf, type NoticeState } from '../notice';

export function PhoneCell({ v, onRefused }: { v: AdminVerification; onRefused: (n: NoticeState) => void }) {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = async () => {
    const answer = await revealVerificationPhone(v.id);
    if (answer.ok) setPhone(answer.data.phone);
    else onRefused(noticeOf(answer, () => ''));
  };
  if (phone) return <span className='admin-verifications__phone' data-revealed='true'>{phone}</span>;
  return (
    <span className='admin-verifications__phone'>
      {v.maskedPhone}{' '}
      <button type='button' className='admin-btn admin-btn--ghost admin-verifications__reveal' aria-label={t('verifications.revealFor', { name: v.name })} onClick={() => void reveal()}>
        {t('verifications.reveal')}
      </button>
    </span>
  );
}
