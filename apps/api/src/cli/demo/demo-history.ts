// The demo's status side: how many applications are in each status, and the history that got them there.
import { APPLICATION_STATUSES, type ApplicationStatus, canTransitionApplication } from '@vgbf/applications';
import type { Rng } from './random';

export interface DemoStatusChange {
  from: ApplicationStatus;
  to: ApplicationStatus;
  at: Date;
  by: 'applicant' | 'staff';
  reason: string | null;
}

/** How 300 applications spread over the statuses a few weeks into a window (scaled for other counts). */
export const STATUS_SHARES: Record<ApplicationStatus, number> = {
  draft: 45,
  submitted: 40,
  ineligible: 15,
  under_review: 50,
  shortlisted: 25,
  interviewed: 20,
  offered: 12,
  waitlisted: 15,
  rejected: 45,
  accepted: 15,
  declined: 5,
  withdrawn: 13,
};

/** How many of each status for `count` applications: proportional, at least one each (largest remainder). */
export function statusCounts(count: number): Record<ApplicationStatus, number> {
  if (count < APPLICATION_STATUSES.length) {
    throw new Error(`at least ${APPLICATION_STATUSES.length} applications are needed to cover every status`);
  }
  const total = Object.values(STATUS_SHARES).reduce((a, b) => a + b, 0);
  const spare = count - APPLICATION_STATUSES.length;
  const exact = APPLICATION_STATUSES.map((s) => (STATUS_SHARES[s] * spare) / total);
  const counts = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const short = count - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < short; k++) counts[order[k][1]] += 1;
  return Object.fromEntries(APPLICATION_STATUSES.map((s, i) => [s, counts[i]])) as Record<ApplicationStatus, number>;
}

const REVIEW: ApplicationStatus[] = ['submitted', 'under_review', 'shortlisted', 'interviewed'];

/**
 * The statuses an application went through to reach `status`, following the transitions table.
 * `beforeSelection`: the cohort has not selected yet, so a rejection came from review or the shortlist.
 */
export function pathTo(status: ApplicationStatus, rng: Rng, beforeSelection = false): ApplicationStatus[] {
  const upTo = (last: ApplicationStatus): ApplicationStatus[] =>
    last === 'waitlisted' ? [...REVIEW, 'waitlisted'] : REVIEW.slice(0, REVIEW.indexOf(last) + 1);
  const offer = (): ApplicationStatus[] => [...REVIEW, ...(rng.chance(0.25) ? ['waitlisted' as const] : []), 'offered'];
  switch (status) {
    case 'draft':
      return [];
    case 'submitted':
    case 'under_review':
    case 'shortlisted':
    case 'interviewed':
    case 'waitlisted':
      return upTo(status);
    case 'ineligible':
      return ['submitted', 'ineligible'];
    case 'offered':
      return offer();
    case 'accepted':
    case 'declined':
      return [...offer(), status];
    case 'rejected': {
      const from = rng.weighted<ApplicationStatus>([
        ['under_review', 50],
        ['shortlisted', 25],
        ['interviewed', beforeSelection ? 0 : 15],
        ['waitlisted', beforeSelection ? 0 : 10],
      ]);
      return [...upTo(from), 'rejected'];
    }
    case 'withdrawn': {
      const from = rng.weighted<ApplicationStatus>([
        ['submitted', 25],
        ['under_review', 30],
        ['shortlisted', 15],
        ['interviewed', 10],
        ['waitlisted', 10],
        ['offered', 10],
      ]);
      return [...(from === 'offered' ? offer() : upTo(from)), 'withdrawn'];
    }
  }
}

const BY_APPLICANT: ApplicationStatus[] = ['submitted', 'withdrawn', 'accepted', 'declined'];
const REASONS: Partial<Record<ApplicationStatus, Record<'vi' | 'en', Array<string | null>>>> = {
  rejected: {
    vi: ['Hồ sơ chưa đạt điểm sàn của hội đồng tuyển chọn.', 'Kế hoạch thâm nhập thị trường chưa đủ cụ thể.'],
    en: ['The application scored below the committee’s threshold.', 'The market-entry plan was not concrete enough.'],
  },
  waitlisted: {
    vi: ['Các hub ưu tiên đã đủ chỗ; hồ sơ nằm trong danh sách chờ.'],
    en: ['The preferred hubs are full; the application is on the waitlist.'],
  },
  withdrawn: {
    vi: ['Doanh nghiệp cần tôi ở lại Việt Nam trong năm nay.', 'Lý do gia đình.', null],
    en: ['My company needs me in Vietnam this year.', 'Family reasons.', null],
  },
};

const seconds = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/**
 * When the application was started and each status change happened: between the window's opening
 * and now, in order, each step a share of the time left (so long paths still end before now). When the
 * window has closed, the application was started and submitted inside it, and staff's steps came after.
 */
export function timeline(
  rng: Rng,
  window: { opensAt: Date; closesAt?: Date; now: Date },
  path: ApplicationStatus[],
  language: 'vi' | 'en',
  ineligibleReason: string | null,
) {
  const opens = window.opensAt.getTime();
  const now = window.now.getTime();
  const closes = window.closesAt && window.closesAt.getTime() < now ? window.closesAt.getTime() : null;
  const createdAt = opens + ((closes ?? now) - opens) * rng.float() * (path.length ? 0.5 : 0.95);
  let t = createdAt;
  let from: ApplicationStatus = 'draft';
  const history: DemoStatusChange[] = path.map((to, i) => {
    if (!canTransitionApplication(from, to)) throw new Error(`demo path breaks the lifecycle: ${from} → ${to}`);
    if (closes === null) t += (now - t) * (0.15 + 0.3 * rng.float());
    else if (i === 0) t += (closes - t) * (0.15 + 0.3 * rng.float());
    else t = Math.max(t, closes) + (now - Math.max(t, closes)) * (0.15 + 0.3 * rng.float());
    const reasons = REASONS[to]?.[language];
    const change: DemoStatusChange = {
      from,
      to,
      at: seconds(t),
      by: BY_APPLICANT.includes(to) ? 'applicant' : 'staff',
      reason: to === 'ineligible' ? ineligibleReason : reasons ? rng.pick(reasons) : null,
    };
    from = to;
    return change;
  });
  const updatedAt = path.length ? t : createdAt + (now - createdAt) * rng.float();
  return {
    createdAt: seconds(createdAt),
    updatedAt: seconds(updatedAt),
    submittedAt: history[0]?.at ?? null,
    history,
  };
}
