import type { TestApp } from './test-app';
import type { SignedIn } from './users';

const DAY = 86_400_000;

/** Vietnam wall time of an instant, the form the cohort endpoints take ("2027-03-31T23:59"). */
export const vietnamTime = (ms: number): string => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

/** Factory: a cohort created by staff through the API and opened, its window around now. */
export async function openCohort(
  t: TestApp,
  staff: SignedIn,
  name: string,
  { closesInDays = 10 }: { closesInDays?: number } = {},
): Promise<{ id: string; closesAt: number }> {
  const now = Date.now();
  const closesAt = now + closesInDays * DAY;
  const res = await t.http
    .post('/api/v1/cohorts')
    .set('authorization', staff.bearer)
    .send({
      name,
      year: 2027,
      targetSize: 50,
      trackMonths: 6,
      applicationOpensAt: vietnamTime(now - DAY),
      applicationClosesAt: vietnamTime(closesAt),
      offerResponseDays: 7,
      programmeStartDate: new Date(now + (closesInDays + 90) * DAY).toISOString().slice(0, 10),
    })
    .expect(201);
  const id = res.body.id as string;
  await t.http
    .post(`/api/v1/cohorts/${id}/transitions`)
    .set('authorization', staff.bearer)
    .send({ status: 'open' })
    .expect(200);
  return { id, closesAt };
}
