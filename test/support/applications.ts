import { uploadRequiredDocuments } from './documents';
import type { TestApp } from './test-app';
import type { SignedIn } from './users';

/** Every section of an application that passes completeness and the default eligibility rules. */
export const COMPLETE_SECTIONS = {
  personal: {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1992-05-17',
    gender: 'male',
    province: 'Hà Nội',
    phone: '+84912345678',
    citizenship: 'VN',
  },
  enterprise: {
    name: 'Công ty Cổ phần Lúa Vàng',
    taxCode: '0101234567',
    foundingYear: 2018,
    sector: 'agriculture_food',
    employeesBand: '50-199',
    revenueBand: '50-200bn',
  },
  languages: { english: { test: 'IELTS', score: 7 } },
  hubs: { ranking: ['SG', 'JP'] },
  essays: {
    motivation: 'Đưa gạo Việt ra thế giới.',
    marketEntryPlan: 'Singapore trước.',
    ambassador: 'Kết nối doanh nghiệp.',
  },
  referees: {
    referees: [
      { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Mentor' },
      { name: 'Lê Văn Nam', email: 'nam@example.vn', relation: 'Investor' },
    ],
  },
};

/**
 * Factory: a draft started by `who` in the cohort, with these sections saved through the API and,
 * unless told otherwise, the CV and business registration every submission needs.
 */
export async function draftApplication(
  t: TestApp,
  who: SignedIn,
  cohortId: string,
  sections: Partial<typeof COMPLETE_SECTIONS> = COMPLETE_SECTIONS,
  { documents = true }: { documents?: boolean } = {},
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/cohorts/${cohortId}/applications`)
    .set('authorization', who.bearer)
    .expect(201);
  const id = res.body.id as string;
  for (const [section, body] of Object.entries(sections)) {
    await t.http.patch(`/api/v1/applications/${id}/${section}`).set('authorization', who.bearer).send(body).expect(200);
  }
  if (documents) await uploadRequiredDocuments(t, who, id);
  return id;
}
