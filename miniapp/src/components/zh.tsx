import { Text } from '@tarojs/components';
import { useI18n } from '../i18n';

/**
 * Data that exists only in Chinese (an offering's name, an address), marked as Chinese when the
 * page is in English, so screen readers switch voice and the browser picks CJK fonts.
 */
export function Zh({ text, className }: { text: string; className?: string }) {
  const { lang } = useI18n();
  const attributes: Record<string, string> = lang === 'zh-CN' ? {} : { lang: 'zh-CN' };
  return (
    <Text className={className} {...attributes}>
      {text}
    </Text>
  );
}

/** A name as the current language shows it: the English one (or pinyin) in English mode when there is one. */
export function useLocalName() {
  const { lang } = useI18n();
  return (item: { name: string; nameEn?: string | null }): string => (lang === 'en' && item.nameEn ? item.nameEn : item.name);
}
