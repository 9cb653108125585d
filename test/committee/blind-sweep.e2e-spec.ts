import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { CliModule } from '../../apps/api/src/cli/cli.module';
import { DEMO_PASSWORD } from '../../apps/api/src/cli/demo-accounts';
import { DemoSeeder } from '../../apps/api/src/cli/demo/demo-seeder';
import { DEMO_REVIEWERS } from '../../apps/api/src/cli/demo/demo-reviewers';
import { type DiscoveredRoute, discoverRoutes } from '../authorization/routes';
import { type TestApp, createTestApp } from '../support/test-app';

/** Lower case, no diacritics (đ → d), single spaces: how the sweep compares text. */
const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Identity {
  applicationId: string;
  fullName: string | null;
  email: string;
  phone: string | null;
  taxCode: string | null;
  enterpriseName: string | null;
  website: string | null;
  referees: string[];
}

/** What names an applicant, as the sweep looks for it: whole words, diacritics and case ignored. */
function needles(who: Identity): string[] {
  const phone = who.phone?.replace(/\D/g, '').replace(/^84/, '') ?? '';
  return [
    who.fullName,
    who.email,
    who.taxCode,
    who.enterpriseName,
    who.website,
    ...who.referees,
    ...(phone ? [phone, `0${phone}`, `+84${phone}`] : []),
  ].filter((s): s is string => !!s && s.trim().length > 0);
}

/** The identifiers of `who` found in an answer (empty when it gives nothing away); `folded` if already folded. */
export function leaksOf(answer: string, who: Identity, folded = false): string[] {
  const text = folded ? answer : fold(answer);
  return needles(who).filter((n) => {
    const needle = fold(n);
    return (
      text.includes(needle) && new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u').test(text)
    );
  });
}

async function seedDemo(env: Record<string, string>): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
    try {
      await context.get(DemoSeeder).seed();
    } finally {
      await context.close();
    }
  } finally {
    process.env = saved;
  }
}

/**
 * The sweep: for every blind assignment of the seeded demo, every GET route a reviewer may call, with
 * the ids of their own assignments, applications and cohorts filled in; no answer may contain that
 * applicant's name, email, phone, tax code, enterprise, website or referees.
 */
describe('Blind review sweep over the demo data', () => {
  let t: TestApp;
  let identities: Map<string, Identity>;
  let routes: DiscoveredRoute[];

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_IP: '100000' },
      imports: [DiscoveryModule],
    });
    await seedDemo(t.env);
    const rows = await t.db.query<
      Array<{
        id: string;
        full_name: string | null;
        email: string;
        phone: string | null;
        tax_code: string | null;
        enterprise_name: string | null;
        website: string | null;
        referees: Array<{ name?: string }> | null;
      }>
    >(
      `SELECT a.id, a.personal->>'fullName' AS full_name, u.email, a.personal->>'phone' AS phone,
              a.enterprise->>'taxCode' AS tax_code, a.enterprise->>'name' AS enterprise_name,
              a.enterprise->>'website' AS website, a.referees
         FROM applications a JOIN users u ON u.id = a.applicant_id
        WHERE a.id IN (SELECT application_id FROM review_assignments)`,
    );
    identities = new Map(
      rows.map((r) => [
        r.id,
        {
          applicationId: r.id,
          fullName: r.full_name,
          email: r.email,
          phone: r.phone,
          taxCode: r.tax_code,
          enterpriseName: r.enterprise_name,
          website: r.website,
          referees: (r.referees ?? []).map((x) => x.name ?? '').filter(Boolean),
        },
      ]),
    );
    routes = discoverRoutes(t.app).filter(
      (r) =>
        r.method === 'GET' &&
        (r.policy?.kind === 'public' ||
          r.policy?.kind === 'authenticated' ||
          (r.policy?.kind === 'roles' && r.policy.roles.includes('reviewer'))),
    );
  }, 240_000);
  afterAll(() => t?.close());

  it('would catch the old answers: the applicant search’s names and an unredacted essay', async () => {
    const essays = await t.db.query<Array<{ id: string; essays: { motivation?: string } }>>(
      `SELECT id, essays FROM applications WHERE id = ANY($1)`,
      [[...identities.keys()]],
    );
    // The seeded essays name their authors ("Tôi là …", "I am …") in a good share of the applications.
    const naming = essays.filter((e) => {
      const who = identities.get(e.id) as Identity;
      return leaksOf(JSON.stringify(e.essays), who).includes(who.fullName as string);
    });
    expect(naming.length).toBeGreaterThan(20);
    const who = identities.get(naming[0]?.id) as Identity;
    const oldSearch = JSON.stringify([
      { applicationId: who.applicationId, fullName: who.fullName, enterpriseName: who.enterpriseName },
    ]);
    expect(leaksOf(oldSearch, who)).toEqual([who.fullName, who.enterpriseName]);
    expect(leaksOf(`{"name":"${fold(who.fullName as string).toUpperCase()}"}`, who)).toEqual([who.fullName]);
  });

  it('finds no applicant’s identity in any answer a reviewer gets, for every blind assignment', async () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /api/v1/reviews/assignments', 'GET /api/v1/reviews/assignments/:assignmentId']),
    );
    let assignmentsSwept = 0;
    let calls = 0;
    const found: string[] = [];
    for (const reviewer of DEMO_REVIEWERS) {
      const login = await t.http.post('/api/v1/auth/login').send({ email: reviewer.email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const bearer = `Bearer ${login.body.token as string}`;
      const mine = await t.http.get('/api/v1/reviews/assignments').set('authorization', bearer).expect(200);
      const assignments = mine.body as Array<{ assignmentId: string; applicationId: string; cohortId: string }>;
      expect(assignments.length).toBeGreaterThan(0);
      const documents = await t.db.query<Array<{ id: string; application_id: string }>>(
        `SELECT id, application_id FROM application_documents WHERE application_id = ANY($1)`,
        [assignments.map((a) => a.applicationId)],
      );
      const zero = '00000000-0000-4000-8000-000000000000';
      const answers: string[] = [];
      for (const route of routes) {
        const params: string[] = route.path.match(/:\w+/g) ?? [];
        let paths: string[] = [route.path.replace(/:\w+/g, (p) => (p === ':token' ? 'A'.repeat(43) : zero))];
        if (params.includes(':assignmentId')) {
          paths = assignments.map((a) => route.path.replace(':assignmentId', a.assignmentId));
        } else if (params.includes(':documentId')) {
          paths = documents.map((d) =>
            route.path.replace(/:(id|applicationId)/, d.application_id).replace(':documentId', d.id),
          );
        } else if (params.includes(':id') || params.includes(':applicationId')) {
          paths = assignments.map((a) => route.path.replace(/:(id|applicationId)/, a.applicationId));
        } else if (params.includes(':cohortId')) {
          paths = [...new Set(assignments.map((a) => a.cohortId))].map((c) => route.path.replace(':cohortId', c));
        }
        // A few at a time: the answers are independent reads.
        for (let i = 0; i < paths.length; i += 6) {
          const batch = await Promise.all(
            paths.slice(i, i + 6).map(async (path) => {
              const res = await t.http.get(path.replace(/:\w+/g, zero)).set('authorization', bearer);
              return { path, status: res.status, text: res.text };
            }),
          );
          for (const res of batch) {
            expect(res.status).toBeLessThan(500);
            answers.push(`${res.path} ${res.status} ${res.text}`);
            calls += 1;
          }
        }
      }
      const everything = fold(answers.join('\n'));
      for (const a of assignments) {
        const who = identities.get(a.applicationId) as Identity;
        for (const leak of leaksOf(everything, who, true)) {
          const where = answers.find((x) => leaksOf(x, who).includes(leak))?.slice(0, 120);
          found.push(`${reviewer.email} / ${a.assignmentId}: "${leak}" in ${where}`);
        }
        assignmentsSwept += 1;
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
    expect(assignmentsSwept).toBeGreaterThan(500);
    expect(calls).toBeGreaterThan(assignmentsSwept);
  }, 600_000);
});
