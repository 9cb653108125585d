// The committee at scale, in one run on this machine:
//   - reviewer assignment, 10,000 applications × 60 reviewers × k=3 (50 conflicts): time, and the
//     optimality gap against HiGHS's optimum of the same problem (0 = optimal);
//   - the calibrated ranking in SQL over 10,000 applications with 30,000 reviews: the board's own query,
//     median of 7 runs on a database of its own (created, migrated and dropped here);
//   - selection 10,000 → 100 with region, gender and sector quotas and hub capacities.
// Targets (issue 5): assignment ≤ 5 s and optimal, ranking ≤ 300 ms, selection ≤ 5 s.
//   npm run bench -- committee
const path = require('node:path');
const { ROOT, withBenchDatabase } = require('./lib');

const DIST = path.join(ROOT, 'dist/apps/api');
const solvers = require(path.join(DIST, 'libs/solvers/src/index.js'));
// The board's typed query (Kysely, build-only), compiled to the SQL and parameters the API sends.
const { boardQuery } = require(path.join(DIST, 'libs/committee/src/data-access/board.js'));

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchAssignment() {
  const input = solvers.generateAssignmentInput({ applications: 10_000, reviewers: 60, k: 3, conflicts: 50, seed: 7 });
  const start = process.hrtime.bigint();
  const result = solvers.assignReviewers(input);
  const time = ms(start);
  if (result.status !== 'optimal') throw new Error('assignment infeasible on the benchmark instance');
  const bound = await solvers.assignmentLowerBound(input);
  const gap =
    bound.status === 'optimal'
      ? result.objective.loadSquares - bound.loadSquares + (result.objective.sectorMismatches - bound.sectorMismatches)
      : NaN;
  return { time, gap, imbalance: result.objective.imbalance, mismatches: result.objective.sectorMismatches };
}

async function benchSelection() {
  const input = solvers.generateSelectionInput({ candidates: 10_000, size: 100, seed: 11 });
  // HiGHS compiles its WebAssembly on first use: one warm-up solve on a small instance, not timed.
  await solvers.selectCohort(solvers.generateSelectionInput({ candidates: 300, size: 50, seed: 3 }));
  const start = process.hrtime.bigint();
  const result = await solvers.selectCohort(input);
  return { time: ms(start), status: result.status, objective: result.objective, shares: input.shares.length };
}

async function benchRanking() {
  return withBenchDatabase('committee', async (db) => {
    const rubric = require(path.join(ROOT, 'config/rubric.json'));
    const codes = rubric.criteria.map((c) => c.code);
    await db.query(`
    INSERT INTO cohorts (id, name, year, target_size, track_months, application_opens_at, application_closes_at,
                         offer_response_days, programme_start_date, status, eligibility_rules, feedback_checkpoints)
    VALUES ('00000000-0000-4000-8000-000000000001', 'VGBF Bench', 2027, 100, 12, now() - interval '60 days',
            now() - interval '1 day', 7, current_date + 90, 'reviewing', '[]', '[]')`);
    await db.query(
      `INSERT INTO review_rounds (cohort_id, rubric) VALUES ('00000000-0000-4000-8000-000000000001', $1)`,
      [rubric],
    );
    await db.query(`
    INSERT INTO users (email, email_normalized, full_name, password_hash, roles, language, email_verified_at)
    SELECT 'a' || i || '@bench.test', 'a' || i || '@bench.test', 'Ứng viên ' || i, NULL, '{applicant}', 'vi', now() FROM generate_series(1, 10000) i`);
    await db.query(`
    INSERT INTO users (email, email_normalized, full_name, password_hash, roles, language, email_verified_at)
    SELECT 'r' || i || '@bench.test', 'r' || i || '@bench.test', 'Reviewer ' || i, NULL, '{reviewer}', 'en', now() FROM generate_series(1, 60) i`);
    await db.query(`
    INSERT INTO applications (cohort_id, applicant_id, status, personal, region, enterprise, hub_preferences, submitted_at)
    SELECT '00000000-0000-4000-8000-000000000001', u.id, 'under_review',
           jsonb_build_object('fullName', u.full_name, 'gender', (ARRAY['female','male'])[1 + n % 2]),
           (ARRAY['North','Central','South'])[1 + n % 3],
           jsonb_build_object('name', 'Công ty ' || n, 'sector', (ARRAY['technology','fintech','logistics','manufacturing'])[1 + n % 4]),
           ARRAY['JP','SG'], now()
      FROM (SELECT id, full_name, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'a%') u`);
    await db.query(`
    INSERT INTO review_assignments (cohort_id, application_id, reviewer_id, source)
    SELECT a.cohort_id, a.id, r.id, 'auto'
      FROM (SELECT id, cohort_id, row_number() OVER (ORDER BY id) AS n FROM applications) a
      JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS m FROM users WHERE email LIKE 'r%') r
        ON r.m IN ((a.n * 3) % 60, (a.n * 3 + 1) % 60, (a.n * 3 + 2) % 60)`);
    await db.query(
      `INSERT INTO reviews (assignment_id, scores, weighted_score, comment, recommendation)
     SELECT s.id, s.scores,
            (SELECT sum((c->>'weight')::float8 * (s.scores->>(c->>'code'))::float8) / sum((c->>'weight')::float8)
               FROM jsonb_array_elements($2::jsonb->'criteria') c),
            'bench', 'yes'
       FROM (SELECT a.id, (SELECT jsonb_object_agg(code, 1 + floor(random() * 5)::int) FROM unnest($1::text[]) code
                            WHERE a.id IS NOT NULL) AS scores
               FROM review_assignments a) s`,
      [codes, rubric],
    );
    await db.query('ANALYZE');
    // The whole board unpaged (what selection reads), no filter: the API's pages rank the same whole board.
    const { sql, parameters } = boardQuery('00000000-0000-4000-8000-000000000001', 'normalized').compile();
    const params = [...parameters];
    const runs = [];
    let rows = 0;
    for (let i = 0; i < 8; i++) {
      const start = process.hrtime.bigint();
      rows = (await db.query(sql, params)).rowCount;
      if (i > 0) runs.push(ms(start)); // the first run warms the cache
    }
    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const reviews = (await db.query('SELECT count(*)::int AS n FROM reviews')).rows[0].n;
    return { time: median(runs), rows, reviews };
  });
}

async function main() {
  const assignment = await benchAssignment();
  console.log(
    `assignment 10000 × 60 × k=3: ${assignment.time.toFixed(0)} ms, optimality gap ${assignment.gap} ` +
      `(imbalance ${assignment.imbalance}, sector mismatches ${assignment.mismatches})`,
  );
  const ranking = await benchRanking();
  console.log(
    `ranking in SQL: ${ranking.time.toFixed(0)} ms median for ${ranking.rows} applications, ${ranking.reviews} reviews`,
  );
  const selection = await benchSelection();
  console.log(
    `selection 10000 → 100 with ${selection.shares} quotas + hub capacities: ${selection.time.toFixed(0)} ms (${selection.status}, objective ${selection.objective.toFixed(3)})`,
  );
  const ok = assignment.time <= 5000 && assignment.gap === 0 && ranking.time <= 300 && selection.time <= 5000;
  console.log(
    `RESULT committee assignment_ms=${assignment.time.toFixed(0)} assignment_gap=${assignment.gap} ranking_ms=${ranking.time.toFixed(0)} selection_ms=${selection.time.toFixed(0)} targets=${ok ? 'met' : 'missed'}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
