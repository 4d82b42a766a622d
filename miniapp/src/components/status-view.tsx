import { Text, View } from '@tarojs/components';
import { useI18n } from '../i18n';
import { Pressable } from './pressable';
import './status-view.css';

export interface StatusViewProps {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  detail?: string;
  onRetry?: () => void;
}

/** The whole-list states: loading, nothing to show, or a failure with a retry button. */
export function StatusView({ kind, title, detail, onRetry }: StatusViewProps) {
  const { t } = useI18n();
  return (
    <View className={`status status--${kind}`} ariaRole={kind === 'error' ? 'alert' : 'status'}>
      <Text className='status__title'>{title}</Text>
      {detail && <Text className='status__detail'>{detail}</Text>}
      {onRetry && (
        <Pressable className='btn status__retry' onPress={onRetry}>
          {t('home.retry')}
        </Pressable>
      )}
    </View>
  );
}
