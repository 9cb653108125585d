import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/client';
import { useChangeLanguage } from '../auth/session';
import { LANGUAGES } from '../i18n';

/** VI | EN in the header: switches at once; a signed-in user's choice is saved to their account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { change, saving } = useChangeLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage ?? 'vi'}
      disabled={saving}
      onChange={(value) => void change(value as Language)}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span title={t(`language.${language}`)} lang={language}>
            {language.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
