import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, createMentor, logInFellow, pairUp } from '../support/programme';
import type { TestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

export const DAY = 86_400_000;

/** A calendar day (UTC) this many days from now, e.g. a fellow's start date. */
export const dayFromNow = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export interface Pairs {
  staff: SignedIn;
  cohortId: string;
  fellows: TestFellow[];
  /** The fellows, signed in, in the same order. */
  fellowSessions: SignedIn[];
  mentors: SignedIn[];
  /** pairings[i] pairs fellows[i] with mentors[i]. */
  pairings: string[];
}

/**
 * Factory: a cohort whose fellows started `startedDaysAgo` days ago, each paired with a mentor of
 * their own (mentor 0 is Kenji Sato of Sato Trading, in Tokyo).
 */
export async function mentoringPairs(t: TestApp, count = 2, startedDaysAgo = 60): Promise<Pairs> {
  const staff = await signIn(t, ['staff'], 'staff');
  const cohortId = (await openCohort(t, staff, `VGBF Mentoring ${Math.random().toString(36).slice(2, 6)}`)).id;
  const fellows = await createFellows(
    t,
    cohortId,
    staff,
    Array.from({ length: count }, (_, i) => ({
      fullName: `Nguyễn Văn ${String.fromCharCode(65 + i)}`,
      enterpriseName: `Công ty ${i + 1}`,
      sector: 'agritech',
      startDate: dayFromNow(-startedDaysAgo),
    })),
  );
  const mentors: SignedIn[] = [];
  for (let i = 0; i < count; i++) {
    mentors.push(
      await createMentor(
        t,
        i === 0
          ? { fullName: 'Kenji Sato', organisation: 'Sato Trading', city: 'Tokyo', timeZone: 'Asia/Tokyo' }
          : { fullName: `Mentor ${i}` },
        `mentor${i}`,
      ),
    );
  }
  const pairings: string[] = [];
  for (let i = 0; i < count; i++) pairings.push(await pairUp(t, cohortId, fellows[i].id, mentors[i].id));
  const fellowSessions: SignedIn[] = [];
  for (const fellow of fellows) fellowSessions.push(await logInFellow(t, fellow));
  return { staff, cohortId, fellows, fellowSessions, mentors, pairings };
}

/** A valid session log, with overrides. */
export const sessionBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  heldAt: new Date(Date.now() - 2 * DAY).toISOString(),
  durationMinutes: 60,
  mode: 'online',
  topics: ['market_entry', 'partnerships'],
  notes: 'Went through the distributor shortlist.',
  actionItems: [{ text: 'Send the shortlist', dueOn: dayFromNow(7) }],
  ...overrides,
});
