import { Application } from '@vgbf/applications';
import { COMPLETE_SECTIONS } from './applications';
import type { TestApp } from './test-app';
import { type SignedIn, signIn } from './users';

const SECTORS = ['technology', 'agriculture_food', 'logistics', 'fintech', 'manufacturing'] as const;
const PROVINCES = [
  ['Hà Nội', 'North'],
  ['Đà Nẵng', 'Central'],
  ['Cần Thơ', 'South'],
] as const;

/**
 * Factory: `n` applicants with complete, submitted applications in the cohort, written straight to the
 * database (the applicant's journey has its own tests): sectors, regions and genders vary by index.
 */
export async function submittedApplications(
  t: TestApp,
  cohortId: string,
  n: number,
): Promise<Array<{ id: string; applicant: SignedIn; sector: string }>> {
  const result: Array<{ id: string; applicant: SignedIn; sector: string }> = [];
  for (let i = 0; i < n; i++) {
    const applicant = await signIn(t, ['applicant'], `cand${i}`);
    const sector = SECTORS[i % SECTORS.length] as string;
    const [province, region] = PROVINCES[i % PROVINCES.length];
    const inserted = await t.db.getRepository(Application).save({
      cohortId,
      applicantId: applicant.id,
      status: 'submitted',
      personal: {
        ...COMPLETE_SECTIONS.personal,
        fullName: `Ứng Viên Số ${i + 1}`,
        gender: i % 2 === 0 ? 'female' : 'male',
        province,
      },
      region,
      enterprise: { ...COMPLETE_SECTIONS.enterprise, name: `Công ty TNHH Số ${i + 1}`, sector },
      languages: COMPLETE_SECTIONS.languages,
      hubPreferences: i % 2 === 0 ? ['JP', 'SG'] : ['SG', 'KR'],
      essays: COMPLETE_SECTIONS.essays,
      referees: COMPLETE_SECTIONS.referees.referees,
      submittedAt: new Date(),
    });
    result.push({ id: inserted.id, applicant, sector });
  }
  return result;
}

/** Moves the open cohort to reviewing, overriding the open window (the tests' windows close in the future). */
export async function startReviewing(t: TestApp, staff: SignedIn, cohortId: string): Promise<void> {
  const res = await t.http
    .post(`/api/v1/cohorts/${cohortId}/transitions`)
    .set('authorization', staff.bearer)
    .send({ status: 'reviewing', override: true, reason: 'Test set-up: review starts before the window closes' });
  if (res.status !== 200) throw new Error(`reviewing transition answered ${res.status}: ${JSON.stringify(res.body)}`);
}
