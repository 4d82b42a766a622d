import { Input, Text, Textarea, View } from '@tarojs/components';
import './field.css';

export interface FieldProps {
  label: string;
  /** Class for the input itself (tests and page styles find it by this). */
  inputClass: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem with this field, shown under it (all problems show at once, each at its field). */
  error?: string | null;
  hint?: string;
  type?: 'text' | 'number';
  password?: boolean;
  maxlength?: number;
  /** A multi-line note with a character counter. */
  multiline?: boolean;
  placeholder?: string;
  onConfirm?: () => void;
}

/**
 * A labelled text field. On H5 the label reaches the real <input> (Taro renders it inside its own
 * element), and the whole box takes focus, not only the line of text in its middle.
 */
export function Field({ label, inputClass, value, onChange, error, hint, type = 'text', password, maxlength, multiline, placeholder, onConfirm }: FieldProps) {
  const nativeProps: Record<string, string> = { 'aria-label': label };
  if (error) nativeProps['aria-invalid'] = 'true';
  return (
    <View className={error ? 'field field--error' : 'field'}>
      <Text className='field__label'>{label}</Text>
      {multiline ? (
        <Textarea
          className={`field__textarea ${inputClass}`}
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          {...{ nativeProps }}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={`field__input ${inputClass}`}
          value={value}
          type={type}
          password={password}
          maxlength={maxlength}
          placeholder={placeholder}
          {...{ nativeProps }}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onConfirm}
        />
      )}
      {(hint || (multiline && maxlength)) && (
        <Text className='field__hint'>
          {hint ?? ''}
          {multiline && maxlength ? `${hint ? ' · ' : ''}${value.length}/${maxlength}` : ''}
        </Text>
      )}
      {error && (
        <View className='field__error' ariaRole='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
