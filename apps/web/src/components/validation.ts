import type { TFunction } from 'i18next';

/** The API's rule (identity's password policy); checked here too so the visitor learns it at once. */
export const PASSWORD_MIN = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const required = (t: TFunction) => (value: string) => (value.trim() ? null : t('validation.required'));
export const email = (t: TFunction) => (value: string) =>
  !value.trim() ? t('validation.required') : EMAIL.test(value.trim()) ? null : t('validation.email');
export const newPassword = (t: TFunction) => (value: string) =>
  [...value].length >= PASSWORD_MIN ? null : t('validation.passwordLength', { min: PASSWORD_MIN });
export const sameAs = (t: TFunction, other: string) => (value: string, values: Record<string, unknown>) =>
  value === values[other] ? null : t('validation.passwordsDiffer');
