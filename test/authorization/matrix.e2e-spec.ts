import { DiscoveryModule } from '@nestjs/core';
import type { Role } from '@vgbf/core';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { discoverRoutes } from './routes';

type Caller = 'anonymous' | Role;
type Outcome = 'allowed' | 401 | 403;
type Row = Record<Caller, Outcome>;

const CALLERS: Caller[] = ['anonymous', 'applicant', 'reviewer', 'mentor', 'fellow', 'staff', 'admin'];
const row = (anonymous: Outcome, others: Outcome, staff: Outcome = others): Row => ({
  anonymous,
  applicant: others,
  reviewer: others,
  mentor: others,
  fellow: others,
  staff,
  admin: staff,
});
const PUBLIC = row('allowed', 'allowed');
const SIGNED_IN = row(401, 'allowed');
const STAFF_ONLY = row(401, 403, 'allowed');
const APPLICANT_ONLY: Row = { ...row(401, 403), applicant: 'allowed' };
const REVIEWER_ONLY: Row = { ...row(401, 403), reviewer: 'allowed' };
const FELLOW_ONLY: Row = { ...row(401, 403), fellow: 'allowed' };
const FELLOW_OR_STAFF: Row = { ...STAFF_ONLY, fellow: 'allowed' };
const MENTOR_ONLY: Row = { ...row(401, 403), mentor: 'allowed' };
const MENTOR_OR_FELLOW: Row = { ...row(401, 403), mentor: 'allowed', fellow: 'allowed' };
const MENTOR_OR_STAFF: Row = { ...STAFF_ONLY, mentor: 'allowed' };
const PROGRAMME: Row = { ...STAFF_ONLY, mentor: 'allowed', fellow: 'allowed' };
const ADMIN_ONLY: Row = { ...row(401, 403), admin: 'allowed' };

/**
 * Every route × every caller → the expected outcome, written out by hand (not derived from the
 * policies, so a wrong policy fails here). "allowed" means the guard let the call through: the
 * handler may still answer 400 for the empty body. Later issues add their routes here; a route
 * missing from this table, or a table row with no route, fails the first test. Object ownership
 * (own vs other's) rows come with the first object-scoped routes; /me is the caller's own by construction.
 */
const MATRIX: Record<string, Row> = {
  'GET /health': PUBLIC,
  'GET /health/ready': PUBLIC,
  'POST /api/v1/auth/register': PUBLIC,
  'POST /api/v1/auth/verify-email': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'POST /api/v1/auth/forgot-password': PUBLIC,
  'POST /api/v1/auth/resend-verification': PUBLIC,
  'POST /api/v1/auth/reset-password': PUBLIC,
  'POST /api/v1/auth/accept-invitation': PUBLIC,
  'GET /api/v1/me': SIGNED_IN,
  'PATCH /api/v1/me': SIGNED_IN,
  'POST /api/v1/me/password': SIGNED_IN,
  'POST /api/v1/invitations': STAFF_ONLY,
  'GET /api/v1/audit-log': STAFF_ONLY,
  // Admin console (issue 13): staff see accounts and handle invitations (only an admin those of staff and
  // admins: test/identity/invitation-admin); only an admin changes roles or (de)activates (test/identity/user-admin).
  'GET /api/v1/audit-log/export.csv': STAFF_ONLY,
  // issue 17: the transfer register and the access log are staff's; everyone reads who opened their own data
  'GET /api/v1/privacy/transfers': STAFF_ONLY,
  'GET /api/v1/privacy/transfers/countries': STAFF_ONLY,
  'GET /api/v1/privacy/transfers/export.csv': STAFF_ONLY,
  'GET /api/v1/privacy/access-log': STAFF_ONLY,
  'GET /api/v1/privacy/access-log/mine': SIGNED_IN,
  'GET /api/v1/users': STAFF_ONLY,
  'PUT /api/v1/users/:id/roles': ADMIN_ONLY,
  'POST /api/v1/users/:id/deactivate': ADMIN_ONLY,
  'POST /api/v1/users/:id/reactivate': ADMIN_ONLY,
  'GET /api/v1/invitations': STAFF_ONLY,
  'POST /api/v1/invitations/:userId/resend': STAFF_ONLY,
  'DELETE /api/v1/invitations/:userId': STAFF_ONLY,
  'GET /api/v1/emails/templates': STAFF_ONLY,
  'GET /api/v1/emails/templates/:name/preview': STAFF_ONLY,
  'POST /api/v1/cohorts': STAFF_ONLY,
  'GET /api/v1/cohorts': STAFF_ONLY,
  'GET /api/v1/cohorts/open': PUBLIC,
  'GET /api/v1/cohorts/:id': STAFF_ONLY,
  'PATCH /api/v1/cohorts/:id': STAFF_ONLY,
  'POST /api/v1/cohorts/:id/transitions': STAFF_ONLY,
  'GET /api/v1/cohorts/:id/transitions': STAFF_ONLY,
  'PUT /api/v1/cohorts/:id/hubs': STAFF_ONLY,
  'POST /api/v1/cohorts/:id/copy': STAFF_ONLY,
  'GET /api/v1/cohorts/:id/feedback-checkpoints': STAFF_ONLY,
  'PUT /api/v1/cohorts/:id/feedback-checkpoints': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/eligibility-preview': STAFF_ONLY,
  // Applicant-only: other roles get 403 (staff read applications, they do not fill them in).
  'POST /api/v1/cohorts/:cohortId/applications': APPLICANT_ONLY,
  'GET /api/v1/applications/mine': APPLICANT_ONLY,
  'GET /api/v1/applications/:id': SIGNED_IN,
  'PATCH /api/v1/applications/:id/personal': APPLICANT_ONLY,
  'PATCH /api/v1/applications/:id/enterprise': APPLICANT_ONLY,
  'PATCH /api/v1/applications/:id/languages': APPLICANT_ONLY,
  'PATCH /api/v1/applications/:id/hubs': APPLICANT_ONLY,
  'PATCH /api/v1/applications/:id/essays': APPLICANT_ONLY,
  'PATCH /api/v1/applications/:id/referees': APPLICANT_ONLY,
  'POST /api/v1/applications/:id/submit': APPLICANT_ONLY,
  'POST /api/v1/applications/:id/withdraw': APPLICANT_ONLY,
  'POST /api/v1/applications/:id/reopen-submission': STAFF_ONLY,
  'GET /api/v1/applications/:id/staff-panel': STAFF_ONLY,
  'POST /api/v1/applications/:id/notes': STAFF_ONLY,
  'PUT /api/v1/applications/:id/tags': STAFF_ONLY,
  'POST /api/v1/applications/:id/eligibility-override': STAFF_ONLY,
  // Staff messages to an applicant (issue 13): staff only, reviewers never (test/applications/applicant-messages).
  'GET /api/v1/applications/:id/messages': STAFF_ONLY,
  'POST /api/v1/applications/:id/messages/preview': STAFF_ONLY,
  'POST /api/v1/applications/:id/messages': STAFF_ONLY,
  'GET /api/v1/applications/:id/history': SIGNED_IN,
  // The owner and staff; anyone else 404, object by object (test/applications/application-pdf).
  'GET /api/v1/applications/:id/pdf': SIGNED_IN,
  // Documents: the owner uploads and deletes (other roles 403; another applicant 404, in documents.e2e-spec);
  // reading is for any signed-in caller the service lets see the application (owner, staff; else 404).
  // The upload is multipart: the JSON `{}` sent here gets past the guard and is refused with a 400.
  'POST /api/v1/applications/:id/documents': APPLICANT_ONLY,
  'GET /api/v1/applications/:id/documents': SIGNED_IN,
  'GET /api/v1/applications/:id/documents/:documentId': SIGNED_IN,
  'DELETE /api/v1/applications/:id/documents/:documentId': APPLICANT_ONLY,
  'GET /api/v1/applications': STAFF_ONLY,
  'GET /api/v1/applications/pipeline': STAFF_ONLY,
  'GET /api/v1/applications/export': STAFF_ONLY,
  'GET /api/v1/applications/form-options': PUBLIC,
  'GET /api/v1/vocabulary': PUBLIC,
  // Selection committee (issue 5): staff run it; reviewers see only their own work (object scope is
  // tested in test/committee: another reviewer's assignment is a 404).
  'GET /api/v1/cohorts/:cohortId/review-round': STAFF_ONLY,
  'PATCH /api/v1/cohorts/:cohortId/review-round': STAFF_ONLY,
  'PUT /api/v1/cohorts/:cohortId/review-round/rubric': STAFF_ONLY,
  'GET /api/v1/reviewers': STAFF_ONLY,
  'PUT /api/v1/reviewers/:userId/profile': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/conflicts': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/conflicts/detect': STAFF_ONLY,
  'POST /api/v1/conflicts/:id/decision': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/assignments/auto': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/assignments': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/assignments': STAFF_ONLY,
  'DELETE /api/v1/assignments/:id': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/ranking': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/ranking/:applicationId': STAFF_ONLY,
  'POST /api/v1/applications/:id/decisions': STAFF_ONLY,
  'GET /api/v1/reviews/assignments': REVIEWER_ONLY,
  'GET /api/v1/reviews/assignments/:assignmentId': REVIEWER_ONLY,
  'PUT /api/v1/reviews/assignments/:assignmentId/review': REVIEWER_ONLY,
  'POST /api/v1/reviews/conflict-declarations': REVIEWER_ONLY,
  'GET /api/v1/reviews/conflict-declarations': REVIEWER_ONLY,
  'GET /api/v1/applications/:id/blind-preview': STAFF_ONLY,
  // Selection, offers and waitlist (issue 5): staff select and confirm; an applicant answers only their own
  // offer (object scope is tested in test/committee/offers: another applicant's offer is a 404).
  'GET /api/v1/cohorts/:cohortId/selection': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/selection/proposals': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/selection/proposals/:id': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/selection/proposals/:id/offer-preview': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/selection/proposals/:id/confirm': STAFF_ONLY,
  'GET /api/v1/offers/mine': APPLICANT_ONLY,
  'POST /api/v1/offers/:id/accept': APPLICANT_ONLY,
  'POST /api/v1/offers/:id/decline': APPLICANT_ONLY,
  // Fellows (issue 6): a fellow reads their own record and states their goals (another fellow's is a
  // 404: test/fellows); staff see and adjust the cohort's fellows.
  'GET /api/v1/fellows/me': FELLOW_ONLY,
  'PUT /api/v1/fellows/:id/goals': FELLOW_OR_STAFF,
  'GET /api/v1/cohorts/:cohortId/fellows': STAFF_ONLY,
  'GET /api/v1/fellows/:id': STAFF_ONLY,
  'PATCH /api/v1/fellows/:id': STAFF_ONLY,
  // Mentor profiles and conflicts (issue 6): staff run the list (one by one or as a CSV); a mentor reads and
  // edits only their own profile (/me) and declares their own conflicts (test/mentoring/mentors.e2e-spec).
  'GET /api/v1/mentors': STAFF_ONLY,
  'POST /api/v1/mentors': STAFF_ONLY,
  'GET /api/v1/mentors/export.csv': STAFF_ONLY,
  'POST /api/v1/mentors/import': STAFF_ONLY,
  'GET /api/v1/mentors/me': MENTOR_ONLY,
  'PATCH /api/v1/mentors/me': MENTOR_ONLY,
  'GET /api/v1/mentors/:userId': STAFF_ONLY,
  'PATCH /api/v1/mentors/:userId': STAFF_ONLY,
  'GET /api/v1/mentors/me/fellows-directory': MENTOR_ONLY,
  'GET /api/v1/mentors/me/conflicts': MENTOR_ONLY,
  'POST /api/v1/mentors/me/conflicts': MENTOR_ONLY,
  'GET /api/v1/mentors/:userId/conflicts': STAFF_ONLY,
  'POST /api/v1/mentors/:userId/conflicts': STAFF_ONLY,
  'DELETE /api/v1/mentors/:userId/conflicts/:conflictId': STAFF_ONLY,
  // Hub placement (issue 6): staff only.
  'GET /api/v1/cohorts/:cohortId/placement': STAFF_ONLY,
  'PUT /api/v1/cohorts/:cohortId/placement/constraints/:fellowId': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/placement/proposals': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/placement/proposals/:id': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/placement/proposals/:id/confirm': STAFF_ONLY,
  'PUT /api/v1/fellows/:id/placement': STAFF_ONLY,
  // Mentor matching (issue 6): staff match and resolve rematches; either side of a pair asks for one
  // (someone else's pair is a 404: test/mentoring/matching).
  'GET /api/v1/cohorts/:cohortId/matching': STAFF_ONLY,
  'PUT /api/v1/cohorts/:cohortId/matching/constraints/:fellowId': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/matching/proposals': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/matching/proposals/:id': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/matching/proposals/:id/approve': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/rematch-requests': STAFF_ONLY,
  'POST /api/v1/mentoring/pairs/:pairingId/rematch-requests': MENTOR_OR_FELLOW,
  'POST /api/v1/rematch-requests/:id/resolve': STAFF_ONLY,
  // Mentoring sessions, feedback and the calendar feed (issue 6): each side sees only its own pairs (another
  // mentor's or fellow's pair or session is a 404: test/mentoring); staff follow a cohort's pairs.
  'GET /api/v1/mentoring/pairs': MENTOR_OR_FELLOW,
  'GET /api/v1/cohorts/:cohortId/mentoring/pairs': STAFF_ONLY,
  'GET /api/v1/mentoring/pairs/:pairingId/activity': STAFF_ONLY,
  'GET /api/v1/mentoring/pairs/:pairingId/sessions': MENTOR_OR_FELLOW,
  'POST /api/v1/mentoring/pairs/:pairingId/sessions': MENTOR_ONLY,
  'PATCH /api/v1/mentoring/sessions/:id': MENTOR_ONLY,
  'DELETE /api/v1/mentoring/sessions/:id': MENTOR_ONLY,
  'POST /api/v1/mentoring/sessions/:id/confirm': FELLOW_ONLY,
  // Upcoming sessions (issue 13): either side of its own pair schedules, reschedules, cancels (another
  // pair's is a 404: test/mentoring/planned-sessions).
  'GET /api/v1/mentoring/pairs/:pairingId/planned-sessions': MENTOR_OR_FELLOW,
  'POST /api/v1/mentoring/pairs/:pairingId/planned-sessions': MENTOR_OR_FELLOW,
  'PATCH /api/v1/mentoring/planned-sessions/:id': MENTOR_OR_FELLOW,
  'POST /api/v1/mentoring/planned-sessions/:id/cancel': MENTOR_OR_FELLOW,
  'GET /api/v1/mentoring/pairs/:pairingId/feedback': MENTOR_OR_FELLOW,
  'PUT /api/v1/mentoring/pairs/:pairingId/feedback/:checkpoint': MENTOR_OR_FELLOW,
  'POST /api/v1/me/calendar': SIGNED_IN,
  'DELETE /api/v1/me/calendar': SIGNED_IN,
  // The feed's URL is its credential (a secret token): an unknown token is a 404 for everyone.
  'GET /api/v1/calendar/:token.ics': PUBLIC,
  // Milestones (issue 7): staff keep the template, timelines, extensions and waivers; a fellow submits
  // evidence for and reads only their own (another's is a 404); a mentor reads and reviews only their
  // active fellows' (else 404); a fellow never reviews their own, whatever other role they hold
  // (test/milestones/evidence). Submissions are JSON or multipart: the `{}` sent here is a 400 or 404.
  'GET /api/v1/cohorts/:cohortId/milestone-template': STAFF_ONLY,
  'PUT /api/v1/cohorts/:cohortId/milestone-template': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/milestones/timelines': STAFF_ONLY,
  'POST /api/v1/milestones/:id/extensions': STAFF_ONLY,
  'GET /api/v1/milestones/mine': FELLOW_ONLY,
  'GET /api/v1/fellows/:fellowId/milestones': MENTOR_OR_STAFF,
  'GET /api/v1/milestones/review-queue': MENTOR_OR_STAFF,
  'POST /api/v1/milestones/:id/submissions': FELLOW_ONLY,
  'POST /api/v1/milestones/:id/reviews': MENTOR_OR_STAFF,
  'POST /api/v1/milestones/:id/waive': STAFF_ONLY,
  'GET /api/v1/milestones/:id/submissions/:submissionId/file': PROGRAMME,
  // Notifications (issue 7): everyone signed in has their own settings (/me); the unsubscribe link in an
  // email is its own credential (a signed token: a bad one is a 400 for everyone): GET only leads to the
  // page, the one-click POST (RFC 8058, no session, no CSRF token) acts. Staff see a cohort's reminders,
  // planned and sent.
  // Announcements (issue 13): staff write; everyone reads those addressed to them, and only those
  // (test/announcements/announcements).
  'GET /api/v1/announcements/mine': SIGNED_IN,
  'GET /api/v1/announcements/templates': STAFF_ONLY,
  'GET /api/v1/announcements': STAFF_ONLY,
  'POST /api/v1/announcements/preview': STAFF_ONLY,
  'POST /api/v1/announcements': STAFF_ONLY,
  // Notices and consents (issue 17): one's own consents; a person's and the notices' versions are staff's
  // (test/privacy/consents).
  'GET /api/v1/privacy/notices': PUBLIC,
  'GET /api/v1/privacy/notices/versions': STAFF_ONLY,
  'POST /api/v1/privacy/notices': STAFF_ONLY,
  'GET /api/v1/privacy/consents/mine': SIGNED_IN,
  'POST /api/v1/privacy/consents/mine': SIGNED_IN,
  'GET /api/v1/privacy/consents/users/:userId': STAFF_ONLY,
  'POST /api/v1/privacy/consents/users/:userId': STAFF_ONLY,
  'GET /api/v1/me/notifications': SIGNED_IN,
  'PUT /api/v1/me/notifications': SIGNED_IN,
  'GET /api/v1/notifications/unsubscribe': PUBLIC,
  'POST /api/v1/notifications/unsubscribe': PUBLIC,
  'GET /api/v1/cohorts/:cohortId/reminders/upcoming': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/reminders/sent': STAFF_ONLY,
  // Progress, at-risk, dashboard and reports (issue 7): staff only; a report is its requester's (another
  // staff member's is a 404: test/reports/on-demand).
  'GET /api/v1/cohorts/:cohortId/progress': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/at-risk': STAFF_ONLY,
  'POST /api/v1/cohorts/:cohortId/at-risk/:fellowId/acknowledgements': STAFF_ONLY,
  'GET /api/v1/cohorts/:cohortId/dashboard': STAFF_ONLY,
  'GET /api/v1/cockpit': STAFF_ONLY,
  'POST /api/v1/reports': STAFF_ONLY,
  'GET /api/v1/reports': STAFF_ONLY,
  'GET /api/v1/reports/:id': STAFF_ONLY,
  'GET /api/v1/reports/:id/download': STAFF_ONLY,
  // People's requests about their personal data (issue 17): anyone signed in files and follows their own;
  // staff run the queue; one request is its person's or staff's (anyone else's is a 404:
  // test/privacy/data-requests).
  'GET /api/v1/me/data-requests': SIGNED_IN,
  'POST /api/v1/me/data-requests': SIGNED_IN,
  'GET /api/v1/data-requests': STAFF_ONLY,
  'POST /api/v1/data-requests': STAFF_ONLY,
  'GET /api/v1/data-requests/:id': SIGNED_IN,
  'GET /api/v1/data-requests/:id/export': SIGNED_IN,
  'POST /api/v1/data-requests/:id/acknowledge': STAFF_ONLY,
  'POST /api/v1/data-requests/:id/start': STAFF_ONLY,
  'POST /api/v1/data-requests/:id/extend': STAFF_ONLY,
  'POST /api/v1/data-requests/:id/complete': STAFF_ONLY,
  'POST /api/v1/data-requests/:id/refuse': STAFF_ONLY,
};

/** Routes served outside Nest's controllers (Fastify plugins), with their own check of the session. */
const PLUGIN_ROUTES: Record<string, Row> = {
  'GET /admin/queues': STAFF_ONLY,
  'GET /admin/queues/api/queues': STAFF_ONLY,
};

const PARAMS: Record<string, string> = {
  ':name': 'verify-email',
  ':id': '00000000-0000-4000-8000-000000000000',
  ':cohortId': '00000000-0000-4000-8000-000000000000',
  ':documentId': '00000000-0000-4000-8000-000000000000',
  ':userId': '00000000-0000-4000-8000-000000000000',
  ':conflictId': '00000000-0000-4000-8000-000000000000',
  ':assignmentId': '00000000-0000-4000-8000-000000000000',
  ':applicationId': '00000000-0000-4000-8000-000000000000',
  ':pairingId': '00000000-0000-4000-8000-000000000000',
  ':checkpoint': 'month_1',
  ':token': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ':fellowId': '00000000-0000-4000-8000-000000000000',
  ':submissionId': '00000000-0000-4000-8000-000000000000',
};

describe('Authorization matrix', () => {
  let t: TestApp;
  const sessions = new Map<Caller, SignedIn>();

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_IP: '100000' },
      imports: [DiscoveryModule],
    });
    for (const caller of CALLERS) if (caller !== 'anonymous') sessions.set(caller, await signIn(t, [caller], caller));
  });
  afterAll(() => t.close());

  it('lists every route, each with a declared policy, and nothing else', () => {
    const routes = discoverRoutes(t.app);
    expect(routes.filter((r) => !r.policy).map((r) => r.key)).toEqual([]);
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries({ ...MATRIX, ...PLUGIN_ROUTES }).flatMap(([key, expected]) =>
    CALLERS.map((caller) => [key, caller, expected[caller]] as const),
  );

  it.each(cases)('%s as %s → %s', async (key, caller, expected) => {
    const [method, template] = key.split(' ') as [string, string];
    const path = template.replace(/:\w+/g, (p) => PARAMS[p] ?? 'x');
    // Logout ends the session it is called with: give it a session of its own.
    const session =
      caller === 'anonymous' ? undefined : key.endsWith('/logout') ? await signIn(t, [caller]) : sessions.get(caller);
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    if (session) req = req.set('authorization', session.bearer);
    const res = await req.send(method === 'GET' ? undefined : {});
    if (expected === 'allowed') {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(expected);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
