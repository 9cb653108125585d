// The running cohort's milestone progress, as plain data: given each fellow's timeline (made by the
// milestones lib) and `now`, which milestones are approved, waiting for review, sent back or overdue,
// with the submissions and reviews that got them there. Pure and deterministic, like the programme.
import { parseProgramLocal, programDay } from '@vgbf/core';
import {
  DUE_SOON_DAYS,
  type EvidenceKind,
  type MilestoneReviewer,
  type MilestoneState,
  type ReviewDecision,
  addDays,
} from '@vgbf/milestones';
import { Rng } from './random';

/** One milestone of a fellow's timeline, as the lib created it. */
export interface TimelineMilestone {
  id: string;
  code: string;
  position: number;
  dueOn: string;
  reviewer: MilestoneReviewer;
  evidence: EvidenceKind[];
}

export interface MilestonesInput {
  seed: number;
  now: Date;
  /** Every fellow's timeline by a key stable across runs (the fellow's email), the fellow's language. */
  fellows: ReadonlyArray<{ key: string; language: 'vi' | 'en'; milestones: readonly TimelineMilestone[] }>;
  /** The demo fellow: healthy, one milestone waiting for their mentor and one due soon. */
  demoKey: string;
}

export interface DemoSubmission {
  version: number;
  text: string | null;
  link: string | null;
  at: Date;
}

export interface DemoMilestoneReview {
  version: number;
  role: 'mentor' | 'staff';
  decision: ReviewDecision;
  comment: string;
  at: Date;
}

/** A milestone with evidence: its state afterwards and how it got there. Untouched milestones stay open. */
export interface DemoMilestoneProgress {
  fellowKey: string;
  milestoneId: string;
  state: Exclude<MilestoneState, 'open' | 'waived'>;
  submissions: DemoSubmission[];
  reviews: DemoMilestoneReview[];
  submittedAt: Date;
  approvedAt: Date | null;
}

export interface DemoMilestones {
  /** Staff's extension that makes the demo fellow's milestone due soon (null when one already is). */
  extension: { milestoneId: string; days: number; reason: string } | null;
  progress: DemoMilestoneProgress[];
  /** Fellows (keys) with a milestone left open more than 14 days past its due date. */
  overdue: string[];
  waiting: string[];
  changesRequested: string[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Fellows behind on a milestone; fellows who submitted and wait; fellows asked for changes. */
const OVERDUE_FELLOWS = 2;
const WAITING_FELLOWS = 5;
const CHANGES_FELLOWS = 3;
/** The at-risk rule flags a milestone open more than 14 days past due: the overdue ones are well past that. */
const OVERDUE_AT_LEAST = 18;
/** The milestone a fellow is working on was due at most this many days ago (sent back, it is not yet at risk). */
const CURRENT_WITHIN = 12;
/** The demo fellow's milestone is due this many days from today. */
const DEMO_DUE_IN = 3;
const minutes = (ms: number): number => Math.floor(ms / 60_000) * 60_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

const EVIDENCE_TEXT: Record<'vi' | 'en', string[]> = {
  vi: [
    'Tôi đã hoàn thành phần việc này cùng cố vấn; tóm tắt kết quả, khó khăn và bước tiếp theo ở dưới.',
    'Báo cáo ngắn: những gì đã làm, đối tác đã gặp và những gì cần hỗ trợ thêm trong tháng tới.',
    'Kế hoạch đã được cập nhật theo góp ý; đính kèm số liệu thị trường và danh sách liên hệ.',
  ],
  en: [
    'Done with my mentor: a summary of the results, what was hard and the next steps below.',
    'A short report: what I did, the partners I met and where I need more support next month.',
    'The plan is updated after the feedback, with market figures and the list of contacts.',
  ],
};
const CHANGES_COMMENTS = [
  'Please add the figures behind the targets and name the partners you met.',
  'Good start; the next steps need dates and owners before I can approve.',
  'Vui lòng bổ sung số liệu cụ thể và kết quả các cuộc gặp đối tác.',
];
const APPROVAL_COMMENTS = ['', '', 'Well done.', 'Clear and complete, thank you.', 'Tốt lắm, tiếp tục nhé.'];

/**
 * Which milestone a fellow is on: the first due no more than 12 days ago. Those before it are behind
 * them; it and those after are ahead. An index past the end means every milestone is long due.
 */
export function currentIndex(milestones: readonly TimelineMilestone[], today: string): number {
  const i = milestones.findIndex((m) => m.dueOn >= addDays(today, -CURRENT_WITHIN));
  return i < 0 ? milestones.length : i;
}

/**
 * The demo fellow's milestone due soon: one already due within the week, else the latest one already
 * due, extended (staff's extension, which moves it and every later one) to three days from today.
 */
export function demoDueSoon(
  milestones: readonly TimelineMilestone[],
  today: string,
): { index: number; extensionDays: number } {
  const soon = milestones.findIndex((m) => m.dueOn >= today && m.dueOn <= addDays(today, DUE_SOON_DAYS));
  if (soon >= 0) return { index: soon, extensionDays: 0 };
  const past = milestones.findLastIndex((m) => m.dueOn < today);
  if (past < 0) throw new Error('the demo fellow has no milestone due yet: the programme has not started');
  return { index: past, extensionDays: daysBetween(milestones[past].dueOn, addDays(today, DEMO_DUE_IN)) };
}

/**
 * The cohort's milestone progress on `now`: most fellows have every milestone due before the one they
 * are on approved (by the mentor, staff, or both as the milestone's reviewer rule says, a few after a
 * round of changes); five have just submitted theirs and wait, three were asked for changes; two left
 * one open well past its due date. The demo fellow is on time, their mentor has their resubmission to
 * review, and their next milestone is due in a few days. Every date is in the past.
 */
export function generateMilestones(input: MilestonesInput): DemoMilestones {
  const rng = new Rng(input.seed);
  const now = input.now.getTime();
  const today = programDay(input.now);
  const fellows = [...input.fellows].sort((a, b) => a.key.localeCompare(b.key));
  const timelines = new Map(fellows.map((f) => [f.key, [...f.milestones].sort((a, b) => a.position - b.position)]));
  const others = fellows.map((f) => f.key).filter((k) => k !== input.demoKey);
  const chosen = rng.sample(others, OVERDUE_FELLOWS + WAITING_FELLOWS + CHANGES_FELLOWS);
  const overdue = chosen.slice(0, OVERDUE_FELLOWS);
  const waiting = chosen.slice(OVERDUE_FELLOWS, OVERDUE_FELLOWS + WAITING_FELLOWS);
  const changesRequested = chosen.slice(OVERDUE_FELLOWS + WAITING_FELLOWS);

  const demo = timelines.get(input.demoKey);
  if (!demo) throw new Error(`the demo fellow ${input.demoKey} has no timeline`);
  const dueSoon = demoDueSoon(demo, today);
  const extension = dueSoon.extensionDays
    ? {
        milestoneId: demo[dueSoon.index].id,
        days: dueSoon.extensionDays,
        reason: 'Demo data: the partner meetings moved after the trade fair was postponed',
      }
    : null;

  const progress: DemoMilestoneProgress[] = [];
  for (const { key, language } of fellows) {
    const milestones = timelines.get(key) as TimelineMilestone[];
    const write = (m: TimelineMilestone, outcome: Outcome): void => {
      const made = evidence(rng, m, outcome, { now, language });
      if (made) progress.push({ fellowKey: key, milestoneId: m.id, ...made });
    };
    if (key === input.demoKey) {
      // Everything before the one due soon approved, but the last: resubmitted, with the mentor.
      const pending = milestones.slice(0, dueSoon.index).findLastIndex((m) => m.reviewer !== 'staff');
      milestones.slice(0, dueSoon.index).forEach((m, i) => write(m, i === pending ? 'resubmitted' : 'approved'));
      continue;
    }
    if (overdue.includes(key)) {
      // Stopped at the latest milestone due well over two weeks ago: it and the later ones stay open.
      const stop = milestones.findLastIndex((m) => m.dueOn < addDays(today, -OVERDUE_AT_LEAST));
      milestones.slice(0, Math.max(0, stop)).forEach((m) => write(m, 'approved'));
      continue;
    }
    // Evidence goes on the milestone they are on, or (when that one takes only a file, which the demo
    // stores none of) on the last before it that takes text or a link: sent back more than 14 days
    // after its due date, that one is at risk too, as the rule says.
    const current = currentIndex(milestones, today);
    const on = milestones.slice(0, current + 1).findLastIndex((m) => m.evidence.some((k) => k !== 'file'));
    const pending = waiting.includes(key) ? 'submitted' : changesRequested.includes(key) ? 'changes_requested' : null;
    milestones.forEach((m, i) => {
      if (i === on && pending) write(m, pending);
      else if (i < current || (i === current && m.dueOn < today)) write(m, 'approved');
    });
  }
  return { extension, progress, overdue, waiting, changesRequested };
}

type Outcome = 'approved' | 'submitted' | 'changes_requested' | 'resubmitted';

/** A time of day in Vietnam, 08:00–21:45, on `day`. */
function dayTime(rng: Rng, day: string): number {
  return (parseProgramLocal(`${day}T08:00`) as Date).getTime() + rng.int(0, 13) * HOUR + rng.int(0, 3) * 15 * 60_000;
}

/**
 * The submissions and reviews of one milestone. Approved work was submitted around its due date and
 * reviewed within a week; fresh work (waiting, sent back, resubmitted) is from the last few days.
 * Nothing for a milestone that takes only a file (the demo stores none).
 */
function evidence(
  rng: Rng,
  m: TimelineMilestone,
  outcome: Outcome,
  ctx: { now: number; language: 'vi' | 'en' },
): Omit<DemoMilestoneProgress, 'fellowKey' | 'milestoneId'> | null {
  const kind = m.evidence.includes('text') ? 'text' : m.evidence.includes('link') ? 'link' : null;
  if (!kind) return null;
  const latest = ctx.now - HOUR;
  const at = (t: number): Date => new Date(minutes(Math.min(t, latest)));
  // Waiting or sent back: submitted in the last few days. Resubmitted: sent back around its due date, the
  // new version from the last few days.
  const recent = outcome === 'submitted' || outcome === 'changes_requested';
  const roundTwo = outcome === 'resubmitted' || (outcome === 'approved' && rng.chance(0.12));
  const roles: Array<'mentor' | 'staff'> = m.reviewer === 'both' ? ['mentor', 'staff'] : [m.reviewer];
  const firstAt = recent
    ? ctx.now - rng.int(2, 6) * DAY - rng.int(1, 10) * HOUR
    : dayTime(rng, addDays(m.dueOn, -rng.int(0, 6) - (roundTwo ? 8 : 0)));
  const submissions: DemoSubmission[] = [];
  const reviews: DemoMilestoneReview[] = [];
  const submit = (version: number, t: number): number => {
    const text = rng.pick(EVIDENCE_TEXT[ctx.language]);
    submissions.push({
      version,
      text: kind === 'text' ? text : null,
      link: kind === 'link' ? `https://drive.example.vn/demo/${m.code}-v${version}` : null,
      at: at(t),
    });
    return at(t).getTime();
  };
  // Each reviewer decides a few hours to a few days after the submission (or the other reviewer).
  const decide = (version: number, from: number, decision: ReviewDecision): number => {
    let t = from;
    for (const role of decision === 'approved' ? roles : roles.slice(0, 1)) {
      t = Math.min(t + rng.int(3, recent ? 30 : 96) * HOUR, latest);
      reviews.push({
        version,
        role,
        decision,
        comment: decision === 'approved' ? rng.pick(APPROVAL_COMMENTS) : rng.pick(CHANGES_COMMENTS),
        at: at(t),
      });
    }
    return t;
  };
  let t = submit(1, firstAt);
  if (roundTwo) {
    t = decide(1, t, 'changes_requested');
    t = submit(2, outcome === 'resubmitted' ? ctx.now - rng.int(25, 60) * HOUR : t + rng.int(1, 4) * DAY);
  }
  const version = submissions.length;
  if (outcome === 'approved') t = decide(version, t, 'approved');
  if (outcome === 'changes_requested') decide(version, t, 'changes_requested');
  return {
    state: outcome === 'resubmitted' ? 'submitted' : outcome,
    submissions,
    reviews,
    submittedAt: submissions[version - 1].at,
    approvedAt: outcome === 'approved' ? (reviews.at(-1) as DemoMilestoneReview).at : null,
  };
}
