// The running cohort's milestones, after the seed's transaction: the template and every fellow's
// timeline through the milestones lib (TimelinesService, as `POST …/milestones/timelines` does, with
// its audit rows), the demo fellow's extension through it too, then generateMilestones' submissions
// and reviews written in bulk in one transaction (no audit rows, no emails, like the sessions).
import type { AuthenticatedUser } from '@vgbf/core';
import { MilestoneReview, MilestoneSubmission, type TimelinesService } from '@vgbf/milestones';
import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
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
  const rows: TimelineRow[] = await runQuery(
    db.manager,
    typedSql
      .selectFrom('milestones as m')
      .innerJoin('fellows as f', 'f.id', 'm.fellow_id')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .innerJoin('pairings as p', (join) =>
        join.onRef('p.fellow_id', '=', 'f.id').on('p.status', '=', sql.lit('active')),
      )
      .select((eb) => [
        'm.id',
        'm.code',
        'm.position',
        sql<string>`to_char(${eb.ref('m.due_on')}, 'YYYY-MM-DD')`.as('due_on'),
        'm.reviewer',
        'm.evidence',
        'u.email',
        'u.language',
        'p.mentor_id',
        'f.user_id',
      ])
      .where('f.cohort_id', '=', ctx.cohortId)
      .$castTo<TimelineRow>(),
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
    // One UPDATE from a jsonb recordset: the milestones' states as generateMilestones planned them.
    const progress = JSON.stringify(
      plan.progress.map((p) => ({
        id: p.milestoneId,
        state: p.state,
        submitted_at: p.submittedAt,
        approved_at: p.approvedAt,
      })),
    );
    await runQuery(
      manager,
      typedSql
        .updateTable('milestones as m')
        .from(
          sql<{ id: string; state: string; submitted_at: Date | null; approved_at: Date | null }>`(
            SELECT * FROM jsonb_to_recordset(${progress}::jsonb)
              AS r(id uuid, state text, submitted_at timestamptz, approved_at timestamptz))`.as('x'),
        )
        .set((eb) => ({
          state: eb.ref('x.state'),
          submitted_at: eb.ref('x.submitted_at'),
          approved_at: eb.ref('x.approved_at'),
          updated_at: sql<Date>`greatest(${eb.ref('x.submitted_at')}, ${eb.ref('x.approved_at')})`,
        }))
        .whereRef('m.id', '=', 'x.id'),
    );
  });
  return { ...plan, fellows: created.created };
}
