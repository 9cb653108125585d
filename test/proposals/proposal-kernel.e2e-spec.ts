import { DomainError } from '@vgbf/core';
import {
  type ProposalRun,
  ProposalRuns,
  type ProposalUse,
  ProposalWorkflow,
  fingerprint,
  isStale,
} from '@vgbf/proposals';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** A made-up use on placement's run table: its state is one number, its fingerprint that number's. */
interface Settings {
  weight: number;
}
interface Input extends Settings {
  fingerprint: string;
}
interface Result {
  answer: number;
}
interface State {
  world: number;
  fingerprint: string;
}

class Refused extends DomainError {
  constructor(code: string) {
    super(code, 'conflict', code);
  }
}

describe(ProposalWorkflow.name, () => {
  let t: TestApp;
  let staff: SignedIn;
  let workflow: ProposalWorkflow;
  let cohortId: string;
  let otherCohortId: string;
  /** What the proposals stand on; a test changes it to make a stored run stale. */
  let world = 1;
  const applied: string[] = [];
  const runs = new ProposalRuns<Input, Result>({ table: 'placement_runs', confirmed: 'confirmed', label: 'Proposal' });
  const use: ProposalUse<State, Settings, Input, Result> = {
    runs,
    policy: 'once',
    supersedeOnConfirm: false,
    refusals: {
      confirmed: () => new Refused('confirmed'),
      superseded: () => new Refused('superseded'),
      closed: (status) => new Refused(`closed_${status}`),
    },
    load: () => Promise.resolve({ world, fingerprint: fingerprint({ world }) }),
    record: (settings, state) => ({ ...settings, fingerprint: state.fingerprint }),
    stale: (_m, run, state) => (isStale(run.input.fingerprint, state.fingerprint) ? new Refused('stale') : null),
  };
  const propose = (cohort = cohortId) =>
    workflow.propose(
      use,
      { cohortId: cohort, settings: { weight: 2 }, actorId: staff.id },
      (state) => ({ answer: state.world * 2 }),
      (run: ProposalRun<Input, Result>) => run,
    );
  const confirm = (id: string, cohort = cohortId) =>
    workflow.confirm(
      use,
      { cohortId: cohort, id, actorId: staff.id, now: () => new Date('2027-01-02T03:04:05Z') },
      (_m, run) => {
        applied.push(run.id);
        return Promise.resolve();
      },
      (_m, run) => Promise.resolve(run),
    );
  const statuses = async (cohort: string) =>
    (
      await t.db.query<Array<{ status: string }>>(
        `SELECT status FROM placement_runs WHERE cohort_id = $1 ORDER BY created_at, id`,
        [cohort],
      )
    ).map((r) => r.status);

  beforeAll(async () => {
    t = await createTestApp();
    workflow = t.app.get(ProposalWorkflow);
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Kernel')).id;
    otherCohortId = (await openCohort(t, staff, 'VGBF Kernel Other')).id;
  });
  afterAll(() => t.close());

  it('stores a proposal with its settings, its fingerprint and the solver’s answer', async () => {
    const run = await propose();
    expect(run).toMatchObject({
      cohort_id: cohortId,
      status: 'proposed',
      input: { weight: 2, fingerprint: fingerprint({ world: 1 }) },
      result: { answer: 2 },
      created_by: staff.id,
      confirmed_at: null,
    });
    expect(await runs.get(t.db.manager, cohortId, run.id)).toEqual(run);
  });

  it('supersedes the cohort’s open proposals with a new one, and no other cohort’s', async () => {
    await propose(otherCohortId);
    await propose();
    expect(await statuses(cohortId)).toEqual(['superseded', 'proposed']);
    expect(await statuses(otherCohortId)).toEqual(['proposed']);
  });

  it('refuses to confirm a stale run, applying nothing; the same state again makes it confirmable', async () => {
    const run = await propose();
    world = 2;
    await expect(confirm(run.id)).rejects.toMatchObject({ code: 'stale' });
    expect(applied).toEqual([]);
    expect((await runs.get(t.db.manager, cohortId, run.id)).status).toBe('proposed');
    world = 1;
    const confirmed = await confirm(run.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmed_by: staff.id });
    expect(confirmed.confirmed_at).toEqual(new Date('2027-01-02T03:04:05Z'));
    expect(applied).toEqual([run.id]);
  });

  it('once confirmed, the cohort refuses new proposals and confirmations; superseded runs are named elsewhere', async () => {
    const [superseded] = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM placement_runs WHERE cohort_id = $1 AND status = 'superseded' LIMIT 1`,
      [cohortId],
    );
    await expect(propose()).rejects.toMatchObject({ code: 'confirmed' });
    await expect(confirm(superseded.id)).rejects.toMatchObject({ code: 'confirmed' });
    const open = await propose(otherCohortId);
    const [older] = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM placement_runs WHERE cohort_id = $1 AND status = 'superseded'`,
      [otherCohortId],
    );
    await expect(confirm(older.id, otherCohortId)).rejects.toMatchObject({ code: 'superseded' });
    expect((await runs.current(t.db.manager, otherCohortId, true))?.id).toBe(open.id);
    expect(applied).toHaveLength(1);
  });

  it('answers 404 for an unknown cohort or a run of another cohort', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    await expect(propose(missing)).rejects.toMatchObject({ code: 'cohort_not_found' });
    const other = await runs.current(t.db.manager, otherCohortId, true);
    await expect(confirm(other!.id, cohortId)).rejects.toMatchObject({ code: 'proposal_not_found' });
  });
});
