import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/client';
import { en } from './en';
import { vi } from './vi';

export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const STORAGE_KEY = 'vgbf.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language before we know who is signed in: the visitor's last choice on this device, else the
 * browser's first vi/en preference, else Vietnamese. A signed-in user's saved preference overrides it.
 */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode); fall through to the browser's preference.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'vi';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi';
}

/** Shows the UI in `language` and remembers it on this device. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device; the account's preference still is.
  }
  if (i18n.resolvedLanguage !== language) await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export default i18n;
