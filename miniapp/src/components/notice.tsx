import { View } from '@tarojs/components';

export interface NoticeProps {
  /** Nothing is drawn without text. */
  text: string | null | undefined;
  kind?: 'error' | 'ok' | 'info';
  /** Overrides the role the kind implies: a failure is announced at once (alert), other news politely (status). */
  role?: 'alert' | 'status';
  className?: string;
}

/** A line of news about what the page just did or found: a failure, a success, or something to know. */
export function Notice({ text, kind = 'error', role, className }: NoticeProps) {
  if (!text) return null;
  return (
    <View className={className ? `notice notice--${kind} ${className}` : `notice notice--${kind}`} ariaRole={role ?? (kind === 'error' ? 'alert' : 'status')}>
      {text}
    </View>
  );
}
