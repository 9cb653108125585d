// Writes the demo committee (reviewers, rounds, conflicts, assignments, reviews, interviews) in bulk,
// inside the seed's transaction. The rows are what the committee services would have written, without
// their audit rows and emails (as the seeded applications have their status history but no emails).
import {
  Interview,
  Review,
  ReviewAssignment,
  ReviewRound,
  ReviewerConflict,
  ReviewerProfile,
  type Rubric,
} from '@vgbf/committee';
import { User } from '@vgbf/identity';
import type { EntityManager } from 'typeorm';
import type { DemoReviewer } from './demo-reviewers';
import type { DemoCommittee } from './demo-reviews';
import { insertMany } from './insert-many';

/**
 * The reviewers: accounts for those without one (sharing the demo password hash), and every
 * reviewer's profile. Returns their user ids by email.
 */
export async function insertReviewers(
  manager: EntityManager,
  reviewers: readonly DemoReviewer[],
  existing: ReadonlyMap<string, string>,
  passwordHash: string,
  at: Date,
): Promise<Map<string, string>> {
  const ids = new Map(existing);
  const fresh = reviewers.filter((r) => !ids.has(r.email));
  const rows = await insertMany(
    manager,
    User,
    fresh.map((r) => ({
      email: r.email,
      emailNormalized: r.email.toLowerCase(),
      fullName: r.fullName,
      roles: ['reviewer'],
      language: r.language,
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
    ReviewerProfile,
    reviewers.map((r) => ({
      userId: ids.get(r.email),
      sectors: r.sectors,
      organisation: r.organisation,
      maxLoad: null,
      updatedAt: at,
    })),
    ['userId'],
  );
  return ids;
}

export interface CommitteeRows {
  cohortId: string;
  rubric: Rubric;
  reviewersPerApplication: number;
  reviewDeadline: Date | null;
  committee: DemoCommittee;
  /** Application ids by the keys the committee was generated with. */
  applicationIds: ReadonlyMap<string, string>;
  reviewerIds: ReadonlyMap<string, string>;
  /** Who recorded the interviews. */
  staffId: string;
}

/** One cohort's review round and the committee's work on it. */
export async function insertCommittee(manager: EntityManager, c: CommitteeRows): Promise<void> {
  const app = (key: string): string => c.applicationIds.get(key) as string;
  const reviewer = (email: string): string => c.reviewerIds.get(email) as string;
  await insertMany(
    manager,
    ReviewRound,
    [
      {
        cohortId: c.cohortId,
        rubric: c.rubric,
        reviewersPerApplication: c.reviewersPerApplication,
        reviewDeadline: c.reviewDeadline,
      },
    ],
    ['cohortId'],
  );
  await insertMany(
    manager,
    ReviewerConflict,
    c.committee.conflicts.map((conflict) => ({
      applicationId: app(conflict.applicationKey),
      reviewerId: reviewer(conflict.reviewerEmail),
      source: 'declared',
      status: 'confirmed',
      reason: conflict.reason,
      decidedBy: reviewer(conflict.reviewerEmail),
      decidedAt: conflict.createdAt,
      createdAt: conflict.createdAt,
    })),
    ['id'],
  );
  const assigned = await insertMany(
    manager,
    ReviewAssignment,
    c.committee.assignments.map((a) => ({
      cohortId: c.cohortId,
      applicationId: app(a.applicationKey),
      reviewerId: reviewer(a.reviewerEmail),
      source: 'auto',
      createdBy: c.staffId,
      createdAt: a.createdAt,
    })),
    ['id', 'applicationId', 'reviewerId'],
  );
  const assignmentIds = new Map(assigned.map((row) => [`${row.application_id} ${row.reviewer_id}`, row.id]));
  await insertMany(
    manager,
    Review,
    c.committee.assignments.flatMap(({ applicationKey, reviewerEmail, review }) =>
      review
        ? [
            {
              assignmentId: assignmentIds.get(`${app(applicationKey)} ${reviewer(reviewerEmail)}`),
              scores: review.scores,
              weightedScore: review.weightedScore,
              comment: review.comment,
              recommendation: review.recommendation,
              submittedAt: review.submittedAt,
              updatedAt: review.updatedAt,
            },
          ]
        : [],
    ),
    ['assignmentId'],
  );
  await insertMany(
    manager,
    Interview,
    c.committee.interviews.map((i) => ({
      applicationId: app(i.applicationKey),
      scores: i.scores,
      recordedBy: c.staffId,
      recordedAt: i.recordedAt,
    })),
    ['applicationId'],
  );
}
