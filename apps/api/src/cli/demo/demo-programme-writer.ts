import { randomUUID } from 'node:crypto';
import { type FieldCipher, fieldContext } from '@vgbf/encryption';
// Writes the running cohort's programme (mentors, placement, matching, sessions, feedback) in bulk,
// inside the seed's transaction: the rows the services would have written, without their audit rows
// and emails (like the committee's). Fellows are admitted and placed through FellowsService.
import { createHash } from 'node:crypto';
import type { FellowsService } from '@vgbf/fellows';
import { User } from '@vgbf/identity';
import { FeedbackAnswer, MatchingRun, MentorProfile, MentoringSession, Pairing } from '@vgbf/mentoring';
import { PlacementRun } from '@vgbf/placement';
import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { DemoMentor } from './demo-mentors';
import type { DemoProgramme } from './demo-programme';
import { insertMany } from './insert-many';

/**
 * The mentors: accounts for those without one (sharing the demo password hash), and every mentor's
 * profile. Returns their user ids by email.
 */
export async function insertMentors(
  manager: EntityManager,
  mentors: readonly DemoMentor[],
  existing: ReadonlyMap<string, string>,
  passwordHash: string,
  at: Date,
): Promise<Map<string, string>> {
  const ids = new Map(existing);
  const rows = await insertMany(
    manager,
    User,
    mentors
      .filter((m) => !ids.has(m.email))
      .map((m) => ({
        email: m.email,
        emailNormalized: m.email.toLowerCase(),
        fullName: m.fullName,
        roles: ['mentor'],
        language: m.language,
        passwordHash,
        emailVerifiedAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    ['id', 'email'],
  );
  for (const row of rows) ids.set(row.email, row.id);
  await insertMany(
    manager,
    MentorProfile,
    mentors.map((m) => ({
      userId: ids.get(m.email),
      organisation: m.organisation,
      title: m.title,
      sectors: m.sectors,
      expertise: m.expertise,
      languages: m.languages,
      city: m.city,
      timeZone: m.timeZone,
      capacity: m.capacity,
      createdAt: at,
      updatedAt: at,
    })),
    ['userId'],
  );
  return ids;
}

export interface ProgrammeRows {
  cohortId: string;
  programme: DemoProgramme;
  /** Fellow ids and their users' ids, by the keys the programme was generated with. */
  fellowIds: ReadonlyMap<string, string>;
  fellowUserIds: ReadonlyMap<string, string>;
  mentorIds: ReadonlyMap<string, string>;
  hubIds: ReadonlyMap<string, string>;
  /** Who ran and confirmed the placement and the matching. */
  staffId: string;
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Goals, the confirmed placement, the approved matching, the pairs, their sessions and feedback. */
export async function insertProgramme(
  manager: EntityManager,
  fellows: FellowsService,
  r: ProgrammeRows,
  cipher: FieldCipher,
) {
  const { programme: p } = r;
  const fellow = (key: string): string => r.fellowIds.get(key) as string;
  const mentor = (email: string): string => r.mentorIds.get(email) as string;
  const goals = JSON.stringify([...p.goals].map(([key, goals]) => ({ id: fellow(key), goals })));
  await runQuery(
    manager,
    typedSql
      .updateTable('fellows as f')
      .from(
        sql<{ id: string; goals: string[] }>`(
          SELECT * FROM jsonb_to_recordset(${goals}::jsonb) AS r(id uuid, goals text[]))`.as('g'),
      )
      .set((eb) => ({ goals: eb.ref('g.goals') }))
      .whereRef('f.id', '=', 'g.id'),
  );

  const placements = p.placement.placements.map((x) => ({ ...x, fellowId: fellow(x.fellowId) }));
  const placementInput = {
    ...p.placement.input,
    fellows: p.placement.input.fellows.map((f) => ({ ...f, id: fellow(f.id) })),
  };
  await fellows.place(
    manager,
    placements.map((x) => ({ fellowId: x.fellowId, hubId: r.hubIds.get(x.hub) as string })),
    p.placement.confirmedAt,
  );
  await insertMany(
    manager,
    PlacementRun,
    [
      {
        cohortId: r.cohortId,
        input: {
          rankWeights: placementInput.rankWeights,
          fingerprint: digest({ hubs: placementInput.hubs, fellows: placementInput.fellows }),
        },
        result: { totalPoints: p.placement.totalPoints, placements },
        status: 'confirmed',
        createdBy: r.staffId,
        createdAt: new Date(p.placement.confirmedAt.getTime() - 3_600_000),
        confirmedBy: r.staffId,
        confirmedAt: p.placement.confirmedAt,
      },
    ],
    ['id'],
  );

  const pairs = p.pairs.map((pair) => ({
    ...pair,
    fellowId: fellow(pair.fellowKey),
    mentorId: mentor(pair.mentorEmail),
  }));
  const matchingInput = {
    ...p.matching.input,
    fellows: p.matching.input.fellows.map((f) => ({ ...f, id: fellow(f.id) })),
    mentors: p.matching.input.mentors.map((m) => ({ ...m, id: mentor(m.id) })),
    locked: p.matching.input.locked.map((l) => ({ fellowId: fellow(l.fellowId), mentorId: mentor(l.mentorId) })),
  };
  const [run] = await insertMany(
    manager,
    MatchingRun,
    [
      {
        cohortId: r.cohortId,
        input: { weights: matchingInput.weights, fingerprint: digest({ ...matchingInput, weights: null }) },
        result: {
          pairs: pairs.map((x) => ({
            fellowId: x.fellowId,
            mentorId: x.mentorId,
            score: x.score,
            reasons: x.reasons,
            locked: x.locked,
          })),
          minScore: p.matching.minScore,
          totalScore: p.matching.totalScore,
        },
        status: 'approved',
        createdBy: r.staffId,
        createdAt: p.matching.createdAt,
        approvedBy: r.staffId,
        approvedAt: p.matching.approvedAt,
      },
    ],
    ['id'],
  );
  const pairingIds = new Map(
    (
      await insertMany(
        manager,
        Pairing,
        pairs.map((x) => ({
          cohortId: r.cohortId,
          fellowId: x.fellowId,
          mentorId: x.mentorId,
          score: x.score,
          reasons: x.reasons,
          matchingRunId: run.id,
          createdAt: p.matching.approvedAt,
        })),
        ['id', 'fellowId'],
      )
    ).map((row) => [row.fellow_id, row.id]),
  );
  await insertMany(
    manager,
    MentoringSession,
    pairs.flatMap((x) =>
      x.sessions.map((s) => {
        // Encrypted as MentoringSessionsService stores them (each value bound to its row's id).
        const id = randomUUID();
        return {
          id,
          pairingId: pairingIds.get(x.fellowId),
          heldAt: s.heldAt,
          durationMinutes: s.durationMinutes,
          mode: s.mode,
          topics: s.topics,
          otherTopic: s.otherTopic,
          notes: cipher.encrypt(s.notes, fieldContext('mentoring_sessions', 'notes', id)),
          actionItems: s.actionItems,
          loggedBy: x.mentorId,
          confirmedAt: s.confirmedAt,
          rating: s.rating,
          ratingComment:
            s.ratingComment === null
              ? null
              : cipher.encrypt(s.ratingComment, fieldContext('mentoring_sessions', 'rating_comment', id)),
          createdAt: s.createdAt,
          updatedAt: s.confirmedAt ?? s.createdAt,
        };
      }),
    ),
    ['id'],
  );
  await insertMany(
    manager,
    FeedbackAnswer,
    pairs.flatMap((x) =>
      x.feedback.map((f) => ({
        pairingId: pairingIds.get(x.fellowId),
        checkpoint: f.checkpoint,
        authorRole: f.authorRole,
        authorId: f.authorRole === 'mentor' ? x.mentorId : r.fellowUserIds.get(x.fellowKey),
        answers: f.answers,
        createdAt: f.createdAt,
      })),
    ),
    ['id'],
  );
}
