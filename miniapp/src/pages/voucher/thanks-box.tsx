import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NOTE_MAX_CHARS } from '@contract';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { thankProvider } from '../../services/api';

/**
 * After a meal is picked up: one like for the restaurant and, if the person wants, a short note.
 * The restaurant sees the words and when, never who wrote them. A second thanks for the same meal
 * is refused by the server (CONFLICT), which here simply means it was already sent.
 */
export function ThanksBox({ bookingId }: { bookingId: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'already'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (state === 'sending') return;
    setState('sending');
    setProblem(null);
    const words = note.trim();
    const answer = await thankProvider(bookingId, { like: true, ...(words ? { note: words } : {}) });
    if (answer.ok) return setState('sent');
    if (answer.code === 'CONFLICT') return setState('already');
    setProblem(errorText(t, answer));
    setState('idle');
  };

  if (state === 'sent' || state === 'already') {
    return (
      <Notice kind='ok' text={t(state === 'sent' ? 'thanks.sent' : 'thanks.already')} className='voucher__thanked' />
    );
  }
  return (
    <View className='card voucher__thanks'>
      <Text className='field__label'>{t('thanks.title')}</Text>
      <Text className='muted'>{t('thanks.intro')}</Text>
      <Field label={t('thanks.note')} inputClass='voucher__thanks-note' value={note} maxlength={NOTE_MAX_CHARS} multiline placeholder={t('thanks.placeholder')} onChange={setNote} />
      <Notice text={problem} />
      <Pressable className={state === 'sending' ? 'btn btn--wide btn--disabled' : 'btn btn--wide voucher__thanks-send'} onPress={() => void send()}>
        {state === 'sending' ? t('thanks.sending') : t('thanks.send')}
      </Pressable>
    </View>
  );
}
