import 'i18next';
import type { en } from './en';

// Typed keys: t('login.title') checks against en.ts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
