import { scoreProblem } from '@vgbf/cohorts';
import { hasVisibleText } from '@vgbf/core';
import type { ApplicationDocument, DocumentKind } from './entities/application-document.entity';
import type { Application } from './entities/application.entity';

const PERSONAL = ['fullName', 'dateOfBirth', 'gender', 'province', 'phone', 'citizenship'] as const;
const ENTERPRISE = ['name', 'taxCode', 'foundingYear', 'sector', 'employeesBand', 'revenueBand'] as const;
const ESSAYS = ['motivation', 'marketEntryPlan', 'ambassador'] as const;
export const REQUIRED_REFEREES = 2;
/** Documents a submission needs, with the field each is reported missing as. */
const REQUIRED_DOCUMENTS: Array<[DocumentKind, string]> = [
  ['cv', 'documents.cv'],
  ['business_registration', 'documents.businessRegistration'],
];

type Sections = Pick<Application, 'personal' | 'enterprise' | 'languages' | 'hubPreferences' | 'essays' | 'referees'>;

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Whether the languages section holds at least one real result: an English test with a score on its
 * scale, a JLPT level, a TOPIK level, or another language named. `{"english": []}` holds none.
 */
export function hasLanguageResult(languages: Record<string, unknown>): boolean {
  const { english, jlpt, topik, other } = languages;
  const test =
    english && typeof english === 'object' && !Array.isArray(english) ? (english as Record<string, unknown>) : null;
  return (
    (test !== null && typeof test.test === 'string' && scoreProblem('score', test.test, test.score) === null) ||
    scoreProblem('jlpt', 'JLPT', jlpt) === null ||
    scoreProblem('topik', 'TOPIK', topik) === null ||
    hasVisibleText(other)
  );
}

/** What is still missing before the application can be submitted, as `section.field` paths. Pure. */
export function missingFields(app: Sections, documents: ReadonlyArray<Pick<ApplicationDocument, 'kind'>>): string[] {
  const missing: string[] = [];
  for (const field of PERSONAL) if (blank(app.personal[field])) missing.push(`personal.${field}`);
  for (const field of ENTERPRISE) if (blank(app.enterprise[field])) missing.push(`enterprise.${field}`);
  if (!hasLanguageResult(app.languages)) missing.push('languages');
  if (app.hubPreferences.length === 0) missing.push('hubs.ranking');
  for (const field of ESSAYS) if (blank(app.essays[field])) missing.push(`essays.${field}`);
  for (let i = app.referees.length; i < REQUIRED_REFEREES; i++) missing.push(`referees.${i}`);
  for (const [kind, field] of REQUIRED_DOCUMENTS) if (!documents.some((d) => d.kind === kind)) missing.push(field);
  return missing;
}
