import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NOTE_MAX_CHARS, type Booking } from '@contract';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { thankProvider } from '../../services/api';
import { readJson, StorageKey, writeJson } from '../../services/storage';
import { shanghaiDateTime } from '../../services/time';

/** The notes this phone sent, by booking: the server keeps no link from a note to its sender. */
const sentNotes = (): Record<string, string> => readJson<Record<string, string>>(StorageKey.thanksNotes) ?? {};

/**
 * After a meal is picked up: one like for the restaurant and, if the person wants, a short note.
 * The restaurant sees the words and when, never who wrote them. Once thanked (the booking's
 * `thankedAt`, so also after a reload or on another visit) the box says when, and the note this
 * phone sent; a second note is never taken and silently dropped.
 */
export function ThanksBox({ booking }: { booking: Pick<Booking, 'id' | 'thankedAt'> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  // Sent from this page, or (the booking as last read: a cached copy first, then the server's) before.
  const [sent, setThanked] = useState<{ at: string | null; note: string | undefined } | null>(null);
  const thanked = sent ?? (booking.thankedAt ? { at: booking.thankedAt, note: sentNotes()[booking.id] } : null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (sending) return;
    setSending(true);
    setProblem(null);
    const words = note.trim();
    const answer = await thankProvider(booking.id, { like: true, ...(words ? { note: words } : {}) });
    setSending(false);
    if (answer.ok) {
      if (words) writeJson(StorageKey.thanksNotes, { ...sentNotes(), [booking.id]: words });
      return setThanked({ at: new Date().toISOString(), note: words || undefined });
    }
    // Sent before (another tab, or an old page): say so, and keep what was typed in view, unsent.
    if (answer.code === 'CONFLICT') return setThanked({ at: null, note: sentNotes()[booking.id] });
    setProblem(errorText(t, answer));
  };

  if (thanked) {
    return (
      <View className='card voucher__thanked' ariaRole='status'>
        <Text>{thanked.at ? t('thanks.sentAt', { at: shanghaiDateTime(thanked.at) }) : t('thanks.already')}</Text>
        {thanked.note && <Text className='voucher__thanked-note'>{t('thanks.yourNote', { note: thanked.note })}</Text>}
        {!thanked.at && note.trim() && <Text className='muted voucher__thanks-unsent'>{t('thanks.notSent', { note: note.trim() })}</Text>}
      </View>
    );
  }
  return (
    <View className='card voucher__thanks'>
      <Text className='field__label'>{t('thanks.title')}</Text>
      <Text className='muted'>{t('thanks.intro')}</Text>
      <Field label={t('thanks.note')} inputClass='voucher__thanks-note' value={note} maxlength={NOTE_MAX_CHARS} multiline placeholder={t('thanks.placeholder')} onChange={setNote} />
      <Notice text={problem} />
      <Pressable className={sending ? 'btn btn--wide btn--disabled' : 'btn btn--wide voucher__thanks-send'} onPress={() => void send()}>
        {sending ? t('thanks.sending') : t('thanks.send')}
      </Pressable>
    </View>
  );
}
