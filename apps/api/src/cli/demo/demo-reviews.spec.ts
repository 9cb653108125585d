import type { EligibilityRule } from '@vgbf/cohorts';
import { type Rubric, weightedMean } from '@vgbf/committee';
import { readProgramData } from '@vgbf/config';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { type DemoInput, generateDemo } from './demo-data';
import { DEMO_REVIEWERS } from './demo-reviewers';
import { type CommitteeInput, generateCommittee } from './demo-reviews';

const DAY = 86_400_000;
const now = new Date('2026-11-23T15:00:00Z');
const rubric = readProgramData('rubric.json') as Rubric;
const demo = generateDemo({
  seed: 2027,
  count: 300,
  now,
  opensAt: new Date(now.getTime() - 21 * DAY),
  closesAt: new Date(now.getTime() + 42 * DAY),
  hubs: readProgramData('hubs.json') as DemoInput['hubs'],
  provinces: readProgramData('provinces.json') as DemoInput['provinces'],
  rules: readProgramData('eligibility.json') as EligibilityRule[],
});
const input: CommitteeInput = {
  seed: 5,
  now,
  rubric,
  reviewers: DEMO_REVIEWERS,
  applications: demo.map((d, i) => ({
    key: `a${String(i).padStart(4, '0')}`,
    sector: (d.application.enterprise.sector as string | undefined) ?? null,
    status: d.application.status,
    history: d.application.history,
  })),
  k: 3,
  declaredConflicts: 2,
};
const entered = input.applications.filter((a) => a.history.some((c) => c.to === 'under_review'));

describe(generateCommittee.name, () => {
  const committee = generateCommittee(input);
  const reviews = committee.assignments.flatMap((a) => (a.review ? [{ ...a, review: a.review }] : []));

  it('is the same for the same seed, and different for another', () => {
    expect(generateCommittee(input)).toEqual(committee);
    expect(generateCommittee({ ...input, seed: 6 }).assignments.map((a) => a.review?.scores)).not.toEqual(
      committee.assignments.map((a) => a.review?.scores),
    );
  });

  it('gives every application that entered review 3 distinct reviewers, and no other application any', () => {
    const byApp = new Map<string, string[]>();
    for (const a of committee.assignments)
      byApp.set(a.applicationKey, [...(byApp.get(a.applicationKey) ?? []), a.reviewerEmail]);
    expect([...byApp.keys()].sort()).toEqual(entered.map((a) => a.key).sort());
    for (const emails of byApp.values()) {
      expect(emails).toHaveLength(3);
      expect(new Set(emails).size).toBe(3);
    }
    const loads = DEMO_REVIEWERS.map((r) => committee.assignments.filter((a) => a.reviewerEmail === r.email).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('never assigns a declared conflict', () => {
    expect(committee.conflicts).toHaveLength(2);
    for (const c of committee.conflicts) {
      expect(
        committee.assignments.some((a) => a.applicationKey === c.applicationKey && a.reviewerEmail === c.reviewerEmail),
      ).toBe(false);
      expect(c.reason.length).toBeGreaterThan(10);
    }
  });

  it('scores every rubric criterion from 1 to 5 and stores the weighted mean of the scores', () => {
    const codes = rubric.criteria.map((c) => c.code).sort();
    for (const { review } of reviews) {
      expect(Object.keys(review.scores).sort()).toEqual(codes);
      for (const score of Object.values(review.scores)) expect([1, 2, 3, 4, 5]).toContain(score);
      expect(review.weightedScore).toBe(weightedMean(rubric, review.scores));
      expect(review.comment.length).toBeGreaterThan(10);
    }
    for (const i of committee.interviews) expect(Object.keys(i.scores).sort()).toEqual(codes);
  });

  it('finishes the reviews of decided applications, and some of those still in review', () => {
    const statusOf = new Map(input.applications.map((a) => [a.key, a.status]));
    const open = committee.assignments.filter((a) => statusOf.get(a.applicationKey) === 'under_review');
    expect(
      committee.assignments
        .filter((a) => !a.review)
        .every((a) => ['under_review', 'withdrawn'].includes(statusOf.get(a.applicationKey) ?? '')),
    ).toBe(true);
    expect(open.filter((a) => a.review).length).toBeGreaterThan(open.length / 3);
    expect(open.filter((a) => !a.review).length).toBeGreaterThan(0);
  });

  it('reviews after the assignment and before the next step, and interviews every interviewed application', () => {
    for (const { createdAt, review } of reviews) {
      expect(review.submittedAt.getTime()).toBeGreaterThanOrEqual(createdAt.getTime());
      expect(review.updatedAt.getTime()).toBeGreaterThanOrEqual(review.submittedAt.getTime());
      expect(review.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const interviewed = input.applications.filter((a) => a.history.some((c) => c.to === 'interviewed'));
    expect(committee.interviews.map((i) => i.applicationKey).sort()).toEqual(interviewed.map((a) => a.key).sort());
  });

  it('has lenient and harsh reviewers, so normalization changes the figures, and a few strong disagreements', () => {
    const mean = (email: string): number => {
      const mine = reviews.filter((r) => r.reviewerEmail === email).map((r) => r.review.weightedScore);
      return mine.reduce((a, b) => a + b, 0) / mine.length;
    };
    expect(mean('nguyen.thi.lan.anh@reviewers.vgbf.local') - mean('le.hoang.nam@reviewers.vgbf.local')).toBeGreaterThan(
      0.8,
    );
    const spread = (key: string): number => {
      const scores = reviews.filter((r) => r.applicationKey === key).map((r) => r.review.weightedScore);
      return Math.max(...scores) - Math.min(...scores);
    };
    expect(committee.disagreements.length).toBeGreaterThanOrEqual(2);
    for (const key of committee.disagreements) expect(spread(key)).toBeGreaterThan(1);
    const recommendations = new Set(reviews.map((r) => r.review.recommendation));
    expect(recommendations).toEqual(new Set(['strong_yes', 'yes', 'maybe', 'no']));
  });

  it('reviews in Vietnamese and English, and includes the demo reviewer account', () => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === 'reviewer@vgbf.local');
    expect(DEMO_REVIEWERS[0]).toMatchObject({ email: account?.email, fullName: account?.fullName });
    expect(reviews.some((r) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/.test(r.review.comment))).toBe(true);
    expect(reviews.some((r) => /^[\x20-\x7e]+$/.test(r.review.comment))).toBe(true);
    expect(committee.assignments.some((a) => a.reviewerEmail === 'reviewer@vgbf.local' && a.review)).toBe(true);
  });

  it('reviews before a passed deadline what was assigned before it, and leaves late ones in review unscored', () => {
    const deadline = new Date(now.getTime() - 5 * DAY);
    const closed = generateCommittee({ ...input, reviewDeadline: deadline });
    const statusOf = new Map(input.applications.map((a) => [a.key, a.status]));
    const written = closed.assignments.flatMap((a) => (a.review ? [{ ...a, review: a.review }] : []));
    expect(written.length).toBeGreaterThan(reviews.length / 2);
    for (const { review } of written.filter((a) => a.createdAt < deadline)) {
      expect(review.updatedAt.getTime()).toBeLessThanOrEqual(deadline.getTime());
    }
    const late = closed.assignments.filter(
      (a) => a.createdAt >= deadline && statusOf.get(a.applicationKey) === 'under_review',
    );
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((a) => a.review)).toEqual([]);
  });
});
