// The running cohort's milestones, after the seed's transaction: the template and every fellow's
// timeline through the milestones lib (TimelinesService, as `POST …/milestones/timelines` does, with
// its audit rows), the demo fellow's extension through it too, then generateMilestones' submissions
// and reviews written in bulk in one transaction (no audit rows, no emails, like the sessions).
import type { AuthenticatedUser } from '@vgbf/core';
import { MilestoneReview, MilestoneSubmission, type TimelinesService } from '@vgbf/milestones';
import type { DataSource } from 'typeorm';
import { type DemoMilestones, type TimelineMilestone, generateMilestones } from './demo-milestones';
import { insertMany } from './insert-many';

interface TimelineRow {
  id: string;
  code: string;
  position: number;
  due_on: string;
  reviewer: TimelineMilestone['reviewer'];
  evidence: TimelineMilestone['evidence'];
  email: string;
  language: 'vi' | 'en';
  mentor_id: string;
  user_id: string;
}

export async function seedMilestones(
  db: DataSource,
  timelines: TimelinesService,
  ctx: { actor: AuthenticatedUser; cohortId: string; seed: number; now: Date; demoEmail: string },
): Promise<DemoMilestones & { fellows: number }> {
  const created = await timelines.create(ctx.actor, ctx.cohortId);
  const rows = await db.query<TimelineRow[]>(
    `SELECT m.id, m.code, m.position, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, m.reviewer, m.evidence,
            u.email, u.language, p.mentor_id, f.user_id
       FROM milestones m JOIN fellows f ON f.id = m.fellow_id JOIN users u ON u.id = f.user_id
       JOIN pairings p ON p.fellow_id = f.id AND p.status = 'active'
      WHERE f.cohort_id = $1`,
    [ctx.cohortId],
  );
  const byFellow = new Map<string, TimelineRow[]>();
  for (const r of rows) byFellow.set(r.email, [...(byFellow.get(r.email) ?? []), r]);
  const plan = generateMilestones({
    seed: ctx.seed,
    now: ctx.now,
    demoKey: ctx.demoEmail,
    fellows: [...byFellow].map(([key, ms]) => ({
      key,
      language: ms[0].language,
      milestones: ms.map((m) => ({ ...m, dueOn: m.due_on })),
    })),
  });
  if (plan.extension) {
    const { milestoneId, days, reason } = plan.extension;
    // Staff confirm the move of the fellow's end date when the extension outlasts the year (it can, by the day of the seed).
    await timelines.extend(ctx.actor, milestoneId, { days, reason, moveEndDate: true });
  }

  const mentorOf = new Map(rows.map((r) => [r.id, r.mentor_id]));
  const fellowOf = new Map(rows.map((r) => [r.id, r.user_id]));
  await db.transaction(async (manager) => {
    const submissionIds = new Map(
      (
        await insertMany(
          manager,
          MilestoneSubmission,
          plan.progress.flatMap((p) =>
            p.submissions.map((s) => ({
              milestoneId: p.milestoneId,
              version: s.version,
              text: s.text,
              link: s.link,
              submittedBy: fellowOf.get(p.milestoneId),
              createdAt: s.at,
            })),
          ),
          ['id', 'milestoneId', 'version'],
        )
      ).map((r) => [`${r.milestone_id}/${r.version}`, r.id]),
    );
    await insertMany(
      manager,
      MilestoneReview,
      plan.progress.flatMap((p) =>
        p.reviews.map((r) => ({
          milestoneId: p.milestoneId,
          submissionId: submissionIds.get(`${p.milestoneId}/${r.version}`),
          reviewerId: r.role === 'mentor' ? mentorOf.get(p.milestoneId) : ctx.actor.id,
          reviewerRole: r.role,
          decision: r.decision,
          comment: r.comment,
          createdAt: r.at,
        })),
      ),
      ['id'],
    );
    await manager.query(
      `UPDATE milestones m SET state = x.state, submitted_at = x.submitted_at, approved_at = x.approved_at,
                               updated_at = greatest(x.submitted_at, x.approved_at)
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, state text, submitted_at timestamptz, approved_at timestamptz)
        WHERE m.id = x.id`,
      [
        JSON.stringify(
          plan.progress.map((p) => ({
            id: p.milestoneId,
            state: p.state,
            submitted_at: p.submittedAt,
            approved_at: p.approvedAt,
          })),
        ),
      ],
    );
  });
  return { ...plan, fellows: created.created };
}
