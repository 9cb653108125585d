import { type FieldError, toFieldErrors } from '@vgbf/core';
import { User } from '@vgbf/identity';
import type { EntityManager } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnterpriseSection, LanguagesSection, PersonalSection, RefereesSection } from './dto/sections.dto';
import type { Application } from './entities/application.entity';
import { overLimits } from './limits';

/** The person an application is from, as their account and their personal section name them. */
export interface ApplicantIdentity {
  email: string;
  names: string[];
}

// Lower case as Vietnamese does: ICU has no Vietnamese-specific case mapping (only Turkish, Azeri and
// Lithuanian have one), so toLowerCase() answers what toLocaleLowerCase('vi') does, at a quarter of its
// cost (the locale is looked up on every call); stored-checks.spec.ts compares the two.
const folded = (value: unknown): string =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() : '';

/**
 * A referee speaks for the applicant, so is someone else, and each referee is a different person:
 * not the applicant's own email or name, and no email or name twice. Field errors by path. Pure.
 */
export function refereeProblems(
  referees: ReadonlyArray<Record<string, unknown>>,
  applicant: ApplicantIdentity,
): FieldError[] {
  const errors: FieldError[] = [];
  const ownEmail = folded(applicant.email);
  const ownNames = new Set(applicant.names.map(folded).filter(Boolean));
  const emails = new Map<string, number>();
  const names = new Map<string, number>();
  referees.forEach((referee, i) => {
    const email = folded(referee.email);
    const name = folded(referee.name);
    if (email && email === ownEmail) {
      errors.push({
        field: `referees.${i}.email`,
        message: `referees.${i}.email is your own: a referee must be someone else`,
        code: 'validation.referee_is_you',
      });
    } else if (email && emails.has(email)) {
      errors.push({
        field: `referees.${i}.email`,
        message: `referees.${i}.email is already referee ${emails.get(email)! + 1}: name two different people`,
        code: 'validation.referee_repeated',
        params: { other: emails.get(email)! + 1 },
      });
    }
    if (name && ownNames.has(name)) {
      errors.push({
        field: `referees.${i}.name`,
        message: `referees.${i}.name is your own name: a referee must be someone else`,
        code: 'validation.referee_is_you',
      });
    } else if (name && names.has(name)) {
      errors.push({
        field: `referees.${i}.name`,
        message: `referees.${i}.name is already referee ${names.get(name)! + 1}: name two different people`,
        code: 'validation.referee_repeated',
        params: { other: names.get(name)! + 1 },
      });
    }
    if (email && !emails.has(email)) emails.set(email, i);
    if (name && !names.has(name)) names.set(name, i);
  });
  return errors;
}

function sectionErrors(cls: new () => object, data: object, prefix: string): FieldError[] {
  const errors = validateSync(plainToInstance(cls, data), { forbidUnknownValues: true, stopAtFirstError: true });
  return toFieldErrors(errors, prefix);
}

/**
 * What a draft holds that submission refuses: values that are no longer valid under today's rules
 * (saved before a rule was tightened, or a date of birth now out of range), essays over their word
 * limit, and referees who are the applicant or the same person twice. Field errors by path.
 */
export function submissionProblems(app: Application, applicant: ApplicantIdentity): FieldError[] {
  return [
    ...sectionErrors(PersonalSection, app.personal, 'personal'),
    ...sectionErrors(EnterpriseSection, app.enterprise, 'enterprise'),
    ...sectionErrors(LanguagesSection, app.languages, 'languages'),
    ...sectionErrors(RefereesSection, { referees: app.referees }, ''),
    ...overLimits(app.essays).map(({ field, message, words, maxWords }) => ({
      field,
      message,
      code: 'validation.max_words',
      params: { max: maxWords, words },
    })),
    ...refereeProblems(app.referees, applicant),
  ];
}

/** The applicant's account email and every name they go by (account and personal section). */
export async function applicantIdentity(
  manager: EntityManager,
  app: Pick<Application, 'applicantId' | 'personal'>,
): Promise<ApplicantIdentity> {
  const user = await manager
    .getRepository(User)
    .findOneOrFail({ select: { email: true, fullName: true }, where: { id: app.applicantId } });
  return {
    email: user.email,
    names: [user.fullName, app.personal.fullName].filter((n): n is string => typeof n === 'string'),
  };
}
