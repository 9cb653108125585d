import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { fieldErrorMessage, problemMessage } from '../components/problems';
import type { Cohort, EligibilityRule, Hub } from './api';

export interface BasicsValues {
  name: string;
  year: number;
  targetSize: number;
  trackMonths: string;
  applicationOpensAt: string;
  applicationClosesAt: string;
  offerResponseDays: number;
  programmeStartDate: string;
}

export const basicsOf = (cohort?: Cohort): BasicsValues => {
  const year = new Date().getFullYear() + 1;
  return cohort
    ? {
        name: cohort.name,
        year: cohort.year,
        targetSize: cohort.targetSize,
        trackMonths: String(cohort.trackMonths),
        applicationOpensAt: cohort.applicationWindowLocal.opens,
        applicationClosesAt: cohort.applicationWindowLocal.closes,
        offerResponseDays: cohort.offerResponseDays,
        programmeStartDate: cohort.programmeStartDate,
      }
    : {
        name: '',
        year,
        targetSize: 60,
        trackMonths: '9',
        applicationOpensAt: `${year}-01-15T08:00`,
        applicationClosesAt: `${year}-03-31T23:59`,
        offerResponseDays: 7,
        programmeStartDate: `${year}-09-01`,
      };
};

export const basicsBody = (v: BasicsValues) => ({ ...v, trackMonths: Number(v.trackMonths) as 6 | 9 | 12 });

/** Hubs as the API takes them: only the fields HubDto declares (unknown properties are refused). */
export const hubBody = (hub: Omit<Hub, 'nameVi'> & { nameVi?: string | null }): Hub => ({
  code: hub.code,
  name: hub.name,
  ...(hub.nameVi?.trim() ? { nameVi: hub.nameVi.trim() } : {}),
  city: hub.city,
  capacity: hub.capacity,
  minimumFellows: hub.minimumFellows ?? 0,
  timeZone: hub.timeZone || 'UTC',
  localLanguages: hub.localLanguages ?? [],
  partnerOrganisations: hub.partnerOrganisations ?? [],
  languageRequirements: (hub.languageRequirements ?? []).map(({ test, minimum }) => ({ test, minimum })),
});

export const DEFAULT_RULES: EligibilityRule[] = [
  { code: 'max_age', params: { maxAge: 40 } },
  { code: 'vietnamese_citizen', params: {} },
  { code: 'enterprise_min_years', params: { years: 2 } },
];

interface FormLike {
  getValues(): object;
  setFieldError(field: string, message: string): void;
}

/**
 * The API's field errors next to their fields, nested ones too ("hubs.0.capacity" is a path of the
 * form's values); returns the message for what found no field, or null.
 */
export function placeProblem(form: FormLike, error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError)) return problemMessage(error, t);
  const keys = Object.keys(form.getValues());
  const errors = error.problem.errors ?? [];
  let unplaced = 0;
  for (const fieldError of errors) {
    const { field } = fieldError;
    if (keys.includes(field.split('.')[0] ?? '')) form.setFieldError(field, fieldErrorMessage(fieldError));
    else unplaced += 1;
  }
  return errors.length > 0 && unplaced === 0 ? null : problemMessage(error, t);
}
