import { randomUUID } from 'node:crypto';
import { DiscoveryModule } from '@nestjs/core';
import type { Policy, Role } from '@vgbf/core';
import type { Response } from 'supertest';
import { discoverRoutes } from '../authorization/routes';
import { draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { createFellows, createMentor, createMilestones, pairUp } from '../support/programme';
import { logIn } from '../support/selection';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { type OpenApiDocument, type Operation, operationsOf, plausible, resolve } from './openapi';
import { type Probe, probesFor } from './probes';
import { tableChecksums } from './table-checksums';

/**
 * Operations of the OpenAPI document this sweep does not probe, each with why. Everything else is
 * probed, so a new route is covered the day it is added.
 */
const EXCLUDED: Record<string, string> = {};

const PROBLEM = /^application\/problem\+json/;

interface World {
  sessions: Map<Role, SignedIn>;
  ids: { cohort: string; application: string; fellow: string; mentor: string; reviewer: string; pairing: string };
  milestone: string;
}

/** A real id for a path parameter where the test world has one (so the route gets past "not found"), else a random UUID. */
function pathValue(world: World, path: string, param: string): string {
  const before = path.split(`/:${param}`)[0].split('/').pop();
  const { ids } = world;
  if (param === 'cohortId' || before === 'cohorts') return ids.cohort;
  if (param === 'applicationId' || before === 'applications') return ids.application;
  if (param === 'fellowId' || before === 'fellows') return ids.fellow;
  if (param === 'pairingId' || before === 'pairs') return ids.pairing;
  if (before === 'milestones') return world.milestone;
  if (param === 'userId') return before === 'reviewers' ? ids.reviewer : ids.mentor;
  if (param === 'name') return 'verify-email';
  if (param === 'checkpoint') return 'month_1';
  return randomUUID();
}

/** Who may call the route: anonymous for a public one, else a caller holding a role it allows (staff first). */
function callerOf(world: World, policy: Policy | undefined): SignedIn | undefined {
  if (!policy || policy.kind === 'public') return undefined;
  if (policy.kind === 'authenticated') return world.sessions.get('staff');
  const role = policy.roles.includes('staff') ? 'staff' : policy.roles[0];
  return world.sessions.get(role);
}

describe('Hostile input on every route', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  let world: World;
  let policies: Map<string, Policy | undefined>;

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_IP: '100000' },
      imports: [DiscoveryModule],
    });
    document = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    operations = operationsOf(document);
    policies = new Map(discoverRoutes(t.app).map((r) => [r.key, r.policy]));

    const sessions = new Map<Role, SignedIn>();
    for (const role of ['staff', 'admin', 'reviewer', 'applicant'] as const)
      sessions.set(role, await signIn(t, [role]));
    const staff = sessions.get('staff') as SignedIn;
    const cohort = await openCohort(t, staff, 'VGBF Hostile');
    const application = await draftApplication(
      t,
      sessions.get('applicant') as SignedIn,
      cohort.id,
      {},
      { documents: false },
    );
    const [fellow] = await createFellows(t, cohort.id, staff, [{}]);
    sessions.set('fellow', await logIn(t, fellow.email));
    const mentor = await createMentor(t);
    sessions.set('mentor', mentor);
    const pairing = await pairUp(t, cohort.id, fellow.id, mentor.id);
    const [milestone] = await createMilestones(t, fellow.id, [{ code: 'plan', dueOn: '2027-10-01' }]);
    world = {
      sessions,
      milestone,
      ids: {
        cohort: cohort.id,
        application,
        fellow: fellow.id,
        mentor: mentor.id,
        reviewer: (sessions.get('reviewer') as SignedIn).id,
        pairing,
      },
    };
  });
  afterAll(() => t?.close());

  function send(operation: Operation, caller: SignedIn | undefined, probe: Probe): Promise<Response> {
    const path = operation.path.replace(
      /:(\w+)/g,
      (_m, param: string) => probe.path?.[param] ?? pathValue(world, operation.path, param),
    );
    const url = probe.query ? `${path}?${probe.query}` : path;
    const verb = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
    let req = t.http[verb](url);
    if (caller) req = req.set('authorization', caller.bearer);
    if (!probe.body) return req;
    if ('json' in probe.body) return req.set('content-type', 'application/json').send(probe.body.json);
    const { filename, field } = probe.body.multipart;
    return req
      .field('text', field)
      .attach('file', Buffer.from(`not a pdf ${field}`), { filename, contentType: 'application/pdf' });
  }

  /** Plausible values of the required query parameters (a real cohort for a cohort id). */
  function baselineOf(operation: Operation): Array<[string, string]> {
    return operation.query
      .filter((q) => q.required)
      .map((q) => {
        const schema = resolve(document, q.schema);
        const value = schema.format === 'uuid' || q.name === 'cohortId' ? world.ids.cohort : plausible(schema);
        return [q.name, encodeURIComponent(String(value))];
      });
  }

  function verdict(probe: Probe, res: Response): string | undefined {
    if (res.status >= 500) return `answered ${res.status}`;
    if (probe.expect === 'no5xx' && res.status < 400) return undefined;
    if (res.status < 400 || res.status >= 500) return `answered ${res.status}, not a 4xx`;
    if (!PROBLEM.test(String(res.headers['content-type'])))
      return `answered ${res.status} as ${res.headers['content-type']}`;
    const named = new Set(((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field));
    const missing = (probe.fields ?? []).filter((f) => !named.has(f));
    if (missing.length) return `answered ${res.status} without a field error for ${missing.join(', ')}`;
    return undefined;
  }

  it('answers every hostile request with a 4xx problem, never a 5xx, and changes no row', async () => {
    const failures: string[] = [];
    let probed = 0;
    let sent = 0;
    let before = await tableChecksums(t.db);
    for (const operation of operations) {
      if (operation.key in EXCLUDED) continue;
      const policy = policies.get(operation.key);
      const callers = [callerOf(world, policy)];
      const probes = probesFor(document, operation, baselineOf(operation));
      for (const caller of callers) {
        for (const probe of probes) {
          const res = await send(operation, caller, probe);
          sent += 1;
          const problem = verdict(probe, res);
          if (problem)
            failures.push(`${operation.key} — ${probe.label}: ${problem} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
      const after = await tableChecksums(t.db);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) failures.push(`${operation.key} changed rows of ${changed.join(', ')}`);
      before = after;
      probed += 1;
    }
    expect(failures).toEqual([]);
    expect(probed).toBe(operations.length - Object.keys(EXCLUDED).length);
    // At least the three hostile values of an undeclared query parameter for every operation.
    expect(sent).toBeGreaterThanOrEqual(3 * probed);
    // Thousands of requests, each followed by a checksum of every table: about 25 s on an idle machine,
    // more beside other suites on 2 cores; the default 30 s would fail a correct run under load.
  }, 180_000);

  it('covers every operation of the document, and excludes only operations it has', () => {
    const keys = new Set(operations.map((o) => o.key));
    expect(Object.keys(EXCLUDED).filter((key) => !keys.has(key))).toEqual([]);
    // The document and the controllers agree, so "every operation" is every route.
    expect([...keys].sort()).toEqual([...policies.keys()].sort());
  });
});
