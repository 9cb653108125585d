// The demo committee's work on one cohort, as plain data: declared conflicts, the optimal assignment
// of reviewers (@vgbf/solvers), their reviews and the interviews. Pure and deterministic for a given
// input, like the applicants.
import type { ApplicationStatus } from '@vgbf/applications';
import { type Rubric, weightedMean } from '@vgbf/committee';
import { assignReviewers } from '@vgbf/solvers';
import type { DemoReviewer } from './demo-reviewers';
import type { DemoStatusChange } from './demo-history';
import { Rng } from './random';

/** An application of the cohort, named by a key unique in it (the seeder maps keys to ids). */
export interface CommitteeApplication {
  key: string;
  sector: string | null;
  status: ApplicationStatus;
  history: readonly DemoStatusChange[];
}

export interface CommitteeInput {
  seed: number;
  now: Date;
  rubric: Rubric;
  reviewers: readonly DemoReviewer[];
  applications: readonly CommitteeApplication[];
  /** Reviewers per application. */
  k: number;
  /** Conflicts reviewers declared before the assignment. */
  declaredConflicts: number;
  /** The round's review deadline, if it has passed: no review is written or revised after it. */
  reviewDeadline?: Date;
}

export type Recommendation = 'strong_yes' | 'yes' | 'maybe' | 'no';

export interface DemoReview {
  scores: Record<string, number>;
  /** weightedMean(rubric, scores), as the reviews service stores it. */
  weightedScore: number;
  comment: string;
  recommendation: Recommendation;
  submittedAt: Date;
  updatedAt: Date;
}

export interface DemoAssignment {
  applicationKey: string;
  reviewerEmail: string;
  createdAt: Date;
  /** Null while the reviewer has not scored it yet. */
  review: DemoReview | null;
}

export interface DemoConflict {
  applicationKey: string;
  reviewerEmail: string;
  reason: string;
  createdAt: Date;
}

export interface DemoInterview {
  applicationKey: string;
  scores: Record<string, number>;
  recordedAt: Date;
}

export interface DemoCommittee {
  conflicts: DemoConflict[];
  assignments: DemoAssignment[];
  interviews: DemoInterview[];
  /** Applications where one reviewer saw it very differently from the others. */
  disagreements: string[];
}

/**
 * Where the latent quality of an application centres, by status: the committee's later decisions
 * agree with its reviews, mostly (a standard deviation of 0.55 around these).
 */
const QUALITY: Partial<Record<ApplicationStatus, number>> = {
  under_review: -0.1,
  shortlisted: 0.5,
  interviewed: 0.55,
  waitlisted: 0.45,
  offered: 0.85,
  accepted: 0.85,
  declined: 0.8,
  rejected: -0.9,
  withdrawn: 0,
};
/** Share of the reviews done on an application still in review (or withdrawn from it). */
const DONE_IN_REVIEW = 0.6;
/** Share of applications past review where one reviewer strongly disagrees with the others. */
const DISAGREEMENT_SHARE = 0.04;

const seconds = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);
const clampScore = (x: number): number => Math.max(1, Math.min(5, Math.round(x)));
/** "ESG mindset" stays as it is; "Hub fit" becomes "hub fit". */
const lowerFirst = (s: string): string => (/^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function recommendation(weighted: number): Recommendation {
  if (weighted >= 4.2) return 'strong_yes';
  if (weighted >= 3.4) return 'yes';
  if (weighted >= 2.6) return 'maybe';
  return 'no';
}

const OPENINGS: Record<'vi' | 'en', Record<Recommendation, string[]>> = {
  vi: {
    strong_yes: ['Hồ sơ rất thuyết phục, nên mời phỏng vấn sớm.', 'Một trong những ứng viên nổi bật nhất đợt này.'],
    yes: ['Hồ sơ tốt, đáng đưa vào vòng phỏng vấn.', 'Ứng viên có nền tảng vững và động lực rõ ràng.'],
    maybe: ['Hồ sơ ở mức trung bình, cần thêm thông tin.', 'Có tiềm năng nhưng còn nhiều điểm chưa rõ.'],
    no: ['Hồ sơ chưa đạt yêu cầu của chương trình.', 'Chưa thấy sự chuẩn bị cho thị trường quốc tế.'],
  },
  en: {
    strong_yes: ['A compelling application; I would interview first.', 'One of the strongest founders in this round.'],
    yes: ['A solid application, worth an interview.', 'Good foundations and a clear motivation.'],
    maybe: ['An average application; I would like to know more.', 'Some potential, but much is still vague.'],
    no: ['Not ready for the programme yet.', 'I see little preparation for an international market.'],
  },
};
const STRENGTH: Record<'vi' | 'en', Array<(c: string) => string>> = {
  vi: [(c) => `Điểm mạnh nhất: ${c}.`, (c) => `Nổi bật ở ${c}.`],
  en: [(c) => `Strongest on ${c}.`, (c) => `${c.charAt(0).toUpperCase() + c.slice(1)} is convincing.`],
};
const WEAKNESS: Record<'vi' | 'en', Array<(c: string) => string>> = {
  vi: [(c) => `Cần làm rõ thêm về ${c}.`, (c) => `${c.charAt(0).toUpperCase() + c.slice(1)} còn yếu.`],
  en: [(c) => `Needs more on ${c}.`, (c) => `Weakest on ${c}; ask about it in the interview.`],
};
const CONFLICT_REASONS: Record<'vi' | 'en', string[]> = {
  vi: ['Tôi từng làm cố vấn cho doanh nghiệp này.', 'Người sáng lập là đối tác kinh doanh của tổ chức tôi.'],
  en: ['I mentored this founder last year.', 'My organisation has a supply contract with this enterprise.'],
};

function comment(
  rng: Rng,
  rubric: Rubric,
  reviewer: DemoReviewer,
  scores: Record<string, number>,
  rec: Recommendation,
) {
  const lang = reviewer.language;
  // Shuffled first, so ties do not always name the rubric's first criterion.
  const ordered = rng.shuffle(rubric.criteria).sort((a, b) => scores[b.code] - scores[a.code]);
  const best = lowerFirst(ordered[0].title[lang]);
  const worst = lowerFirst(ordered[ordered.length - 1].title[lang]);
  const parts = [rng.pick(OPENINGS[lang][rec])];
  if (scores[ordered[0].code] > scores[ordered[ordered.length - 1].code]) {
    parts.push(rng.pick(STRENGTH[lang])(best), rng.pick(WEAKNESS[lang])(worst));
  }
  return parts.join(' ');
}

/** When the application entered review, and when its next step (or now, or the deadline) came. */
function reviewWindow(app: CommitteeApplication, now: Date, deadline?: Date): { from: number; to: number } | null {
  const i = app.history.findIndex((c) => c.to === 'under_review');
  if (i < 0) return null;
  const from = app.history[i].at.getTime();
  const to = Math.min((app.history[i + 1]?.at ?? now).getTime(), deadline?.getTime() ?? Infinity);
  return { from, to: Math.max(from, to) };
}

/** The committee's conflicts, assignment, reviews and interviews for one cohort. */
export function generateCommittee(input: CommitteeInput): DemoCommittee {
  const rng = new Rng(input.seed);
  const { rubric, reviewers, now } = input;
  const byEmail = new Map(reviewers.map((r) => [r.email, r]));
  const reviewed = input.applications.flatMap((app) => {
    const window = reviewWindow(app, now, input.reviewDeadline);
    return window ? [{ app, window }] : [];
  });
  const trait = new Map(
    reviewed.map(({ app }) => [
      app.key,
      {
        quality: rng.normal(QUALITY[app.status] ?? 0, 0.55),
        strengths: Object.fromEntries(rubric.criteria.map((c) => [c.code, rng.normal(0, 0.45)])),
      },
    ]),
  );

  // A few reviewers declared a conflict with an application of their own sector, before it was assigned.
  const conflicts: DemoConflict[] = rng.sample(reviewed, input.declaredConflicts).map(({ app, window }) => {
    const experts = reviewers.filter((r) => app.sector !== null && r.sectors.includes(app.sector));
    const reviewer = rng.pick(experts.length ? experts : reviewers);
    const submitted = app.history[0].at.getTime();
    return {
      applicationKey: app.key,
      reviewerEmail: reviewer.email,
      reason: rng.pick(CONFLICT_REASONS[reviewer.language]),
      createdAt: seconds(submitted + (window.from - submitted) * rng.float()),
    };
  });

  const plan = assignReviewers({
    applications: reviewed.map(({ app }) => ({ id: app.key, sector: app.sector })),
    reviewers: reviewers.map((r) => ({ id: r.email, sectors: r.sectors })),
    k: input.k,
    conflicts: conflicts.map((c) => ({ applicationId: c.applicationKey, reviewerId: c.reviewerEmail })),
  });
  if (plan.status !== 'optimal') throw new Error('the demo reviewers cannot cover the demo applications');

  const pastReview = reviewed.filter(({ app }) => app.status !== 'under_review' && app.status !== 'withdrawn');
  const disagreements = rng.sample(
    pastReview.map(({ app }) => app.key),
    Math.max(2, Math.round(pastReview.length * DISAGREEMENT_SHARE)),
  );
  const dissenter = new Map<string, string>();
  for (const key of disagreements) {
    dissenter.set(key, rng.pick(plan.pairs.filter((p) => p.applicationId === key)).reviewerId);
  }

  const windows = new Map(reviewed.map(({ app, window }) => [app.key, window]));
  const statuses = new Map(reviewed.map(({ app }) => [app.key, app.status]));
  const assignments: DemoAssignment[] = plan.pairs.map(({ applicationId: key, reviewerId: email }) => {
    const window = windows.get(key) as { from: number; to: number };
    const reviewer = byEmail.get(email) as DemoReviewer;
    const status = statuses.get(key) as ApplicationStatus;
    const late = input.reviewDeadline !== undefined && window.from >= input.reviewDeadline.getTime();
    const done = (status !== 'under_review' && status !== 'withdrawn') || (!late && rng.chance(DONE_IN_REVIEW));
    if (!done) return { applicationKey: key, reviewerEmail: email, createdAt: seconds(window.from), review: null };
    const { quality, strengths } = trait.get(key) as { quality: number; strengths: Record<string, number> };
    // The dissenter reads the application the other way round from the consensus.
    const offset = dissenter.get(key) === email ? (quality > 0.3 ? -1.8 : 1.8) : 0;
    const scores = Object.fromEntries(
      rubric.criteria.map((c) => [
        c.code,
        clampScore(3 + quality + strengths[c.code] + reviewer.leniency + offset + rng.normal(0, 0.5)),
      ]),
    );
    const weightedScore = weightedMean(rubric, scores);
    const rec = recommendation(weightedScore);
    const submittedAt = window.from + (window.to - window.from) * (0.1 + 0.6 * rng.float());
    const updatedAt = rng.chance(0.15) ? submittedAt + (window.to - submittedAt) * rng.float() : submittedAt;
    return {
      applicationKey: key,
      reviewerEmail: email,
      createdAt: seconds(window.from),
      review: {
        scores,
        weightedScore,
        comment: comment(rng, rubric, reviewer, scores, rec),
        recommendation: rec,
        submittedAt: seconds(submittedAt),
        updatedAt: seconds(updatedAt),
      },
    };
  });

  // Interviews score the person the reviews guessed at: the same quality, no reviewer's leniency.
  const interviews: DemoInterview[] = reviewed.flatMap(({ app }) => {
    const interviewed = app.history.find((c) => c.to === 'interviewed');
    if (!interviewed) return [];
    const { quality, strengths } = trait.get(app.key) as { quality: number; strengths: Record<string, number> };
    const scores = Object.fromEntries(
      rubric.criteria.map((c) => [c.code, clampScore(3 + quality + 0.8 * strengths[c.code] + rng.normal(0, 0.45))]),
    );
    return [{ applicationKey: app.key, scores, recordedAt: interviewed.at }];
  });

  return { conflicts, assignments, interviews, disagreements };
}
