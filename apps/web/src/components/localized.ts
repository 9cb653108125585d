import { useTranslation } from 'react-i18next';

/** A localized title or description in the reader's language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (text: { vi: string; en: string }) => text[language] || text.vi;
}
