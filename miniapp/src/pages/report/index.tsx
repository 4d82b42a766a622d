import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { SAFETY_REPORT_MAX_CHARS, type SafetyReportBody } from '@contract';
import { Field } from '../../components/field';
import { NavLink } from '../../components/nav-link';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useResource } from '../../hooks/use-resource';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go } from '../../routes';
import { getProvider, reportSafety } from '../../services/api';
import './index.css';

/**
 * Report a food-safety problem about a restaurant (optionally about one meal from it). The report
 * goes to the administrators only; the restaurant never sees it, and it keeps no trace of who sent it.
 */
export default function ReportPage() {
  const { t } = useI18n();
  useTitle('report.title');
  const { params } = useRouter();
  const providerId = params.provider ?? '';
  const bookingId = params.booking || undefined;
  // The name is only a courtesy: a report on a restaurant no longer listed still reaches the admins.
  const provider = useResource(() => getProvider(providerId), [providerId], { pullDown: false });
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  // One report per form: a retry after a lost answer is the same report, not a second one.
  const sending = useIdempotentAction((key, body: SafetyReportBody) => reportSafety(body, key), (_body: SafetyReportBody) => 'report');

  const submit = async () => {
    if (sending.busy) return;
    const words = text.trim();
    setFieldError(words ? null : t('report.needText'));
    setProblem(null);
    if (!words) return;
    const answer = await sending.run({ providerId, ...(bookingId ? { bookingId } : {}), text: words });
    if (!answer) return;
    if (!answer.ok) {
      setProblem(errorText(t, answer));
      return;
    }
    setSent(true);
  };

  // While it loads, an ellipsis; a restaurant no longer listed (404) is named by its id.
  const name = provider.data?.provider.name ?? (provider.state.status === 'error' ? providerId : '…');
  return (
    <View className='page report' ariaRole='main'>
      <TopBar title={t('report.title')} />
      {sent ? (
        <View>
          <Notice kind='ok' text={t('report.sent')} className='report__sent' />
          <Pressable className='btn btn--wide' role='link' onPress={go.back}>
            {t('report.back')}
          </Pressable>
        </View>
      ) : (
        <View className='report__form'>
          <View className='notice notice--info'>{t('report.intro')}</View>
          <View className='card'>
            <Text className='field__label'>{t('report.about')}</Text>
            <Text className='report__provider'>{name}</Text>
            {bookingId && <Text className='muted report__booking'>{t('report.aboutMeal')}</Text>}
            <Field
              label={t('report.text')}
              inputClass='report__text'
              value={text}
              maxlength={SAFETY_REPORT_MAX_CHARS}
              multiline
              placeholder={t('report.placeholder')}
              onChange={setText}
              error={fieldError}
            />
          </View>
          <Notice text={problem} className='report__problem' />
          <Pressable className={sending.busy ? 'btn btn--wide btn--disabled' : 'btn btn--wide report__submit'} onPress={() => void submit()}>
            {sending.busy ? t('report.sending') : t('report.submit')}
          </Pressable>
          <View className='row links'>
            <NavLink to='home' />
          </View>
        </View>
      )}
    </View>
  );
}
