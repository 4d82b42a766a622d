import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface PressableProps {
  className?: string;
  /** 'button' acts here; 'link' opens another page. */
  role?: 'button' | 'link' | 'radio' | 'checkbox' | 'tab';
  onPress?: () => void;
  disabled?: boolean;
  /** The accessible name, when the visible text is not enough; it should start with the visible text. */
  label?: string;
  /** For radio, checkbox and tab roles. */
  checked?: boolean;
  current?: boolean;
  /** Test and styling hooks (`data-*`), passed through. */
  data?: Record<string, string | number | boolean | undefined>;
  children?: ReactNode;
}

/**
 * Anything tappable that is not a form field: in H5 it is reachable with Tab and works with Enter
 * and Space, like a native button (Taro's View is a plain element there); in the mini-program the
 * extra attributes are ignored and it is a tap target as before.
 */
export function Pressable({ className, role = 'button', onPress, disabled = false, label, checked, current, data = {}, children }: PressableProps) {
  const press = () => {
    if (!disabled) onPress?.();
  };
  const attributes: Record<string, unknown> = {
    tabIndex: 0,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || (event.key === ' ' && role !== 'link')) {
        event.preventDefault();
        press();
      }
    },
  };
  if (disabled) attributes['aria-disabled'] = 'true';
  if (checked !== undefined) attributes['aria-checked'] = String(checked);
  if (current) attributes['aria-current'] = 'page';
  for (const [key, value] of Object.entries(data)) if (value !== undefined) attributes[`data-${key}`] = String(value);
  return (
    <View className={className} ariaRole={role} ariaLabel={label} onClick={press} {...attributes}>
      {children}
    </View>
  );
}
