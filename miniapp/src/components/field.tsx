import { Input, Text, Textarea, View, type InputProps } from '@tarojs/components';
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
  /** `tel`: a phone number (the phone's dial pad, and autofill of the person's own number). */
  type?: 'text' | 'number' | 'tel';
  password?: boolean;
  maxlength?: number;
  /** A multi-line note with a character counter. */
  multiline?: boolean;
  placeholder?: string;
  onConfirm?: () => void;
}

/**
 * The input's type on this target. The mini-program has no `tel` (its `number` brings up the digits
 * pad); the browser's `number` is a spinner that drops a leading 0 and offers no autofill, so a
 * phone number is `tel` there. Taro passes the type through to the H5 <input> as given.
 */
export const inputType = (type: 'text' | 'number' | 'tel'): InputProps['type'] =>
  type !== 'tel' ? type : process.env.TARO_ENV === 'h5' ? ('tel' as InputProps['type']) : 'number';

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
          type={inputType(type)}
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
