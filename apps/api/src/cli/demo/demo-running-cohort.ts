// The running cohort's programme, seeded inside the seed's transaction: its accepted applicants
// admitted as fellows (FellowsService), then generateProgramme's placement, mentors, pairs, sessions
// and feedback written in bulk.
import type { CohortView } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import type { FellowsService } from '@vgbf/fellows';
import type { FieldCipher } from '@vgbf/encryption';
import type { User } from '@vgbf/identity';
import { parseFeedbackConfig } from '@vgbf/mentoring';
import { DEFAULT_RANK_WEIGHTS } from '@vgbf/placement';
import type { EntityManager } from 'typeorm';
import { type DemoApplicant, type DemoPerson, applicationKey } from './demo-data';
import { DEMO_FELLOW_EMAIL, DEMO_MENTORS, DEMO_MENTOR_EMAIL } from './demo-mentors';
import { type DemoProgramme, type ProgrammeFellow, generateProgramme } from './demo-programme';
import { insertMentors, insertProgramme } from './demo-programme-writer';
import type { DemoCommittee } from './demo-reviews';

const DAY = 86_400_000;

export /** The demo fellow account applied to the running cohort like the others, aiming for Japan. */
const DEMO_FELLOW: DemoPerson = {
  email: DEMO_FELLOW_EMAIL,
  fullName: 'Phạm Thu Trang',
  sex: 'female',
  language: 'vi',
  hubPreferences: ['JP', 'SG', 'KR'],
  languages: { jlpt: 'N2', english: { test: 'IELTS', score: 7 } },
};

/**
 * The running cohort's fellows, admitted through FellowsService (each accepted application's
 * snapshot), then their placement, mentors, pairs, sessions and feedback, in the seed's transaction.
 */
export async function seedProgramme(
  manager: EntityManager,
  fellowsService: FellowsService,
  running: { cohort: CohortView; demo: DemoApplicant[]; committee: DemoCommittee },
  ids: { applications: string[]; users: string[] },
  ctx: {
    seed: number;
    staff: User;
    accounts: Map<string, string>;
    passwordHash: string;
    now: Date;
    cipher: FieldCipher;
  },
): Promise<DemoProgramme> {
  const { cohort, demo, committee } = running;
  const scores = new Map<string, number[]>();
  for (const a of committee.assignments)
    if (a.review) scores.set(a.applicationKey, [...(scores.get(a.applicationKey) ?? []), a.review.weightedScore]);
  for (const [i, { fullName, application: a }] of demo.entries()) {
    // The others of the cohort's applicants (rejected, declined…) stay applicants.
    if (a.status !== 'accepted') continue;
    const reviewed = scores.get(applicationKey(i)) ?? [];
    await fellowsService.admit(manager, {
      cohortId: cohort.id,
      userId: ids.users[i],
      applicationId: ids.applications[i],
      fullName,
      gender: (a.personal.gender as string | undefined) ?? null,
      region: a.region,
      province: (a.personal.province as string | undefined) ?? null,
      enterpriseName: (a.enterprise.name as string | undefined) ?? null,
      sector: (a.enterprise.sector as string | undefined) ?? null,
      languages: a.languages,
      hubPreferences: a.hubPreferences,
      // The committee's mean weighted score, as the board shows it.
      selectionScore: reviewed.length
        ? Math.round((reviewed.reduce((x, y) => x + y, 0) / reviewed.length) * 100) / 100
        : null,
    });
  }
  const keyOf = new Map(
    ids.users.flatMap((id, i) => (demo[i].application.status === 'accepted' ? [[id, applicationKey(i)] as const] : [])),
  );
  const admitted = await fellowsService.listCohort(cohort.id, manager);
  const language = new Map(demo.map((d, i) => [applicationKey(i), d.language]));
  const fellows: ProgrammeFellow[] = admitted
    .map((f) => ({
      key: keyOf.get(f.userId) as string,
      fullName: f.fullName,
      language: language.get(keyOf.get(f.userId) as string) ?? 'vi',
      sector: f.sector,
      enterpriseName: f.enterpriseName,
      languages: f.languages,
      certificates: f.languageCertificates,
      hubPreferences: f.hubPreferences,
      selectionScore: f.selectionScore,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const programme = generateProgramme({
    seed: ctx.seed,
    now: ctx.now,
    startDate: admitted[0].startDate,
    endDate: admitted[0].endDate,
    hubs: cohort.hubs,
    fellows,
    mentors: DEMO_MENTORS,
    rankWeights: DEFAULT_RANK_WEIGHTS,
    demoPair: {
      fellowKey: keyOf.get(ctx.accounts.get(DEMO_FELLOW_EMAIL) as string) as string,
      mentorEmail: DEMO_MENTOR_EMAIL,
    },
    feedback: parseFeedbackConfig(readProgramData('feedback.json')),
  });
  const mentorIds = await insertMentors(
    manager,
    DEMO_MENTORS,
    new Map([...ctx.accounts].filter(([email]) => email === DEMO_MENTOR_EMAIL)),
    ctx.passwordHash,
    new Date(new Date(`${cohort.programmeStartDate}T00:00:00Z`).getTime() - 60 * DAY),
  );
  await insertProgramme(
    manager,
    fellowsService,
    {
      cohortId: cohort.id,
      programme,
      fellowIds: new Map(admitted.map((f) => [keyOf.get(f.userId) as string, f.id])),
      fellowUserIds: new Map(admitted.map((f) => [keyOf.get(f.userId) as string, f.userId])),
      mentorIds,
      hubIds: new Map(cohort.hubs.map((h) => [h.code, h.id])),
      staffId: ctx.staff.id,
    },
    ctx.cipher,
  );
  return programme;
}
