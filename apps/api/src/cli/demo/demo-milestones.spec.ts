import { readProgramData } from '@vgbf/config';
import { programDay } from '@vgbf/core';
import { type DueRule, addDays, baseDueOn } from '@vgbf/milestones';
import {
  type DemoMilestones,
  type MilestonesInput,
  type TimelineMilestone,
  currentIndex,
  demoDueSoon,
  generateMilestones,
} from './demo-milestones';

const year = { startDate: '2026-07-01', endDate: '2027-03-31' };
const now = new Date('2026-11-23T15:00:00Z');
const template = (
  readProgramData('milestones.json') as { tracks: Record<string, Array<DueRule & Omit<TimelineMilestone, 'id'>>> }
).tracks['9'];
const timeline = (key: string): TimelineMilestone[] =>
  template.map((t, i) => ({
    id: `${key}/${t.code}`,
    code: t.code,
    position: i + 1,
    dueOn: baseDueOn(t, year),
    reviewer: t.reviewer,
    evidence: t.evidence,
  }));
const input = (at: Date): MilestonesInput => ({
  seed: 2025,
  now: at,
  demoKey: 'fellow@vgbf.local',
  fellows: ['fellow@vgbf.local', ...Array.from({ length: 39 }, (_, i) => `f${String(i).padStart(2, '0')}@x.vn`)].map(
    (key, i) => ({ key, language: i % 3 ? 'vi' : 'en', milestones: timeline(key) }),
  ),
});

/** Each fellow's milestones as they stand: state and due date (the demo's extension applied). */
function outcome(plan: DemoMilestones, at: Date) {
  const today = programDay(at);
  const rows = input(at).fellows.flatMap((f) => {
    let shift = 0;
    return f.milestones.map((m) => {
      if (plan.extension?.milestoneId === m.id) shift = plan.extension.days;
      const p = plan.progress.find((x) => x.milestoneId === m.id);
      return { fellow: f.key, ...m, dueOn: addDays(m.dueOn, shift), state: p?.state ?? 'open', p };
    });
  });
  // The at-risk rule: open or sent back, more than 14 days past its due date.
  const late = rows.filter((r) => ['open', 'changes_requested'].includes(r.state) && r.dueOn < addDays(today, -14));
  return { today, rows, late };
}

describe(generateMilestones.name, () => {
  const plan = generateMilestones(input(now));
  const { today, rows, late } = outcome(plan, now);

  it('is the same for the same seed and day', () => {
    expect(generateMilestones(input(now))).toEqual(plan);
    expect(generateMilestones({ ...input(now), seed: 7 }).overdue).not.toEqual(plan.overdue);
  });

  it('approves most milestones already due, by the reviewers their rule names, on the version submitted last', () => {
    const due = rows.filter((r) => r.dueOn < today);
    expect(due.filter((r) => r.state === 'approved').length / due.length).toBeGreaterThan(0.75);
    for (const p of plan.progress.filter((x) => x.state === 'approved')) {
      const m = rows.find((r) => r.id === p.milestoneId)!;
      const last = p.submissions.length;
      const approvals = p.reviews.filter((r) => r.version === last).map((r) => r.role);
      expect(approvals).toEqual(m.reviewer === 'both' ? ['mentor', 'staff'] : [m.reviewer]);
      expect(p.reviews.filter((r) => r.version < last).every((r) => r.decision === 'changes_requested')).toBe(true);
      expect(p.approvedAt).toEqual(p.reviews.at(-1)!.at);
    }
    // A few went through a round of changes first.
    expect(plan.progress.some((p) => p.state === 'approved' && p.submissions.length === 2)).toBe(true);
  });

  it('gives text or a link as each milestone takes, and dates everything in the past, in order', () => {
    for (const p of plan.progress) {
      const m = rows.find((r) => r.id === p.milestoneId)!;
      expect(p.submissions.map((s) => s.version)).toEqual(p.submissions.map((_, i) => i + 1));
      const times = [...p.submissions.map((s) => s.at), ...p.reviews.map((r) => r.at)].map((d) => d.getTime());
      expect(Math.max(...times)).toBeLessThan(now.getTime());
      for (const r of p.reviews)
        expect(r.at.getTime()).toBeGreaterThanOrEqual(p.submissions[r.version - 1].at.getTime());
      for (const s of p.submissions) {
        expect((s.text ? 1 : 0) + (s.link ? 1 : 0)).toBe(1);
        expect(m.evidence).toContain(s.text ? 'text' : 'link');
      }
      expect(p.submittedAt).toEqual(p.submissions.at(-1)!.at);
    }
  });

  it('leaves review queues some work and sends a few back, none of them overdue by the at-risk rule', () => {
    const waiting = plan.progress.filter((p) => p.state === 'submitted');
    expect(new Set(waiting.map((p) => p.fellowKey))).toEqual(new Set([...plan.waiting, 'fellow@vgbf.local']));
    expect(plan.waiting).toHaveLength(5);
    for (const p of waiting) expect(p.reviews.filter((r) => r.version === p.submissions.length)).toEqual([]);
    const sentBack = plan.progress.filter((p) => p.state === 'changes_requested');
    expect(sentBack.map((p) => p.fellowKey).sort()).toEqual([...plan.changesRequested].sort());
    expect(plan.changesRequested).toHaveLength(3);
    for (const p of sentBack) expect(p.reviews.at(-1)!.comment).not.toBe('');
  });

  it('has exactly the two chosen fellows more than 14 days late on a milestone', () => {
    expect(plan.overdue).toHaveLength(2);
    expect(new Set(late.map((r) => r.fellow))).toEqual(new Set(plan.overdue));
  });

  it('keeps the demo fellow on time: their resubmission with the mentor, their next milestone due within the week', () => {
    const demo = rows.filter((r) => r.fellow === 'fellow@vgbf.local');
    expect(plan.overdue).not.toContain('fellow@vgbf.local');
    const [pending] = demo.filter((r) => r.state === 'submitted');
    expect(pending.reviewer).not.toBe('staff');
    expect(pending.p!.submissions).toHaveLength(2);
    expect(pending.p!.reviews).toEqual([expect.objectContaining({ role: 'mentor', decision: 'changes_requested' })]);
    const next = demo.find((r) => r.state === 'open')!;
    expect(next.dueOn >= today && next.dueOn <= addDays(today, 7)).toBe(true);
    expect(demo.filter((r) => r.dueOn < today).every((r) => ['approved', 'submitted'].includes(r.state))).toBe(true);
  });

  it('holds on every day of a month: two fellows late (and those sent back late), the demo fellow due soon', () => {
    for (let day = 0; day < 31; day++) {
      const at = new Date(Date.parse('2026-11-01T03:00:00Z') + day * 86_400_000);
      const p = generateMilestones(input(at));
      const o = outcome(p, at);
      const late = new Set(o.late.map((r) => r.fellow));
      for (const key of p.overdue) expect(late).toContain(key);
      for (const key of late) expect([...p.overdue, ...p.changesRequested]).toContain(key);
      expect(p.progress.filter((x) => x.state === 'submitted')).toHaveLength(6);
      expect(p.progress.filter((x) => x.state === 'changes_requested')).toHaveLength(3);
      const demo = o.rows.filter((r) => r.fellow === 'fellow@vgbf.local');
      const { index } = demoDueSoon(timeline('fellow@vgbf.local'), o.today);
      expect(demo[index].dueOn >= o.today && demo[index].dueOn <= addDays(o.today, 7)).toBe(true);
      expect(demo[index].state).toBe('open');
    }
  });
});

describe(currentIndex.name, () => {
  it('is the first milestone due at most 12 days ago', () => {
    const ms = timeline('x');
    expect(ms[currentIndex(ms, '2026-11-23')].code).toBe('mid_term_review');
    expect(ms[currentIndex(ms, '2026-11-27')].code).toBe('partner_mou');
    expect(currentIndex(ms, '2027-06-01')).toBe(ms.length);
  });
});
