import type { EligibilityRule } from '@vgbf/cohorts';
import { parseCalendarDate } from '@vgbf/core';

export interface RuleOutcome {
  code: string;
  passed: boolean;
  /** Readable by the applicant, in English; the UI shows its own text per code, filled from `params`. */
  reason: string;
  /** The rule's settings and the applicant's facts it was judged on, e.g. { maxAge: 40, age: 42 }. */
  params: Record<string, unknown>;
}

interface Facts {
  personal: Record<string, unknown>;
  enterprise: Record<string, unknown>;
}

/** Age in whole years on a given day; NaN when the date of birth is not a real date (1990-13-01). */
export function ageOn(dateOfBirth: string, day: Date): number {
  if (!parseCalendarDate(dateOfBirth)) return NaN;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = day.getUTCFullYear() - y;
  if (day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d)) age -= 1;
  return age;
}

/** Each configured rule → pass/fail with a reason. Pure: the cohort's rules, the application, the window's close. */
export function evaluateEligibility(rules: EligibilityRule[], facts: Facts, windowCloses: Date): RuleOutcome[] {
  return rules.map((rule) => {
    switch (rule.code) {
      case 'max_age': {
        const maxAge = Number(rule.params.maxAge);
        const dob = facts.personal.dateOfBirth;
        const age = typeof dob === 'string' ? ageOn(dob, windowCloses) : NaN;
        if (Number.isNaN(age)) {
          return {
            code: rule.code,
            passed: false,
            params: { maxAge, age: null },
            reason: `Applicants must be at most ${maxAge} years old when applications close, and the date of birth given is not a real date.`,
          };
        }
        return {
          code: rule.code,
          passed: age <= maxAge,
          params: { maxAge, age },
          reason: `Applicants must be at most ${maxAge} years old when applications close (you would be ${age}).`,
        };
      }
      case 'vietnamese_citizen':
        return {
          code: rule.code,
          passed: facts.personal.citizenship === 'VN',
          params: { citizenship: facts.personal.citizenship ?? null },
          reason: 'The program is for Vietnamese citizens.',
        };
      case 'enterprise_min_years': {
        const years = Number(rule.params.years);
        const founded = Number(facts.enterprise.foundingYear);
        return {
          code: rule.code,
          passed: Number.isInteger(founded) && windowCloses.getUTCFullYear() - founded >= years,
          params: { years, founded },
          reason: `The enterprise must have been operating for at least ${years} years (founded ${founded}).`,
        };
      }
      default:
        return {
          code: rule.code,
          passed: false,
          params: rule.params,
          reason: `Unknown eligibility rule "${rule.code}": ask the program staff.`,
        };
    }
  });
}
