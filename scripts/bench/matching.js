// Fellows abroad (issue 6), in one run on this machine, no database needed:
//   - hub placement of 100 fellows into the four hubs (SG, JP with a minimum, KR, EU);
//   - mentor matching of 100 fellows with 300 mentors (5 locks, conflicts and forbids);
// each the median of several timed runs, checked against HiGHS's optimum of the same instance
// (placement: total points; matching: the floor, then the total), whose own time is the baseline.
// Target (issue 6): matching well under 200 ms, and optimal.
//   npm run bench -- matching        (or: npx nest build api && node scripts/bench/matching.js)
const path = require('node:path');
const loadHighs = require('highs');
const { ROOT } = require('./lib');

const solvers = require(path.join(ROOT, 'dist/apps/api/libs/solvers/src/index.js'));

const TARGET_MS = 200;
const RUNS = 9;
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(fn) {
  fn(); // warm-up (JIT), not timed
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    times.push(ms(start));
  }
  return { result, time: median(times) };
}

function solveLp(highs, sense, objective, rows, bounds, binaries) {
  const lp = [sense, `obj: ${objective}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'Binary', ...binaries, 'End'];
  const solution = highs.solve(lp.join('\n'), { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  return Math.round(solution.ObjectiveValue);
}

/** Max total points over binary x[fellow][hub], with capacities and minimums. */
function placementOracle(highs, input) {
  const rows = [];
  const binaries = [];
  const objective = [];
  const byHub = new Map(input.hubs.map((h) => [h.code, []]));
  input.fellows.forEach((f, i) => {
    const forbidden = f.forbiddenHubs ?? [];
    const allowed = f.lockedHub != null ? [f.lockedHub] : f.eligibleHubs.filter((c) => !forbidden.includes(c));
    const vars = allowed.map((hub) => {
      const v = `x_${i}_${hub}`;
      const r = f.preferences.indexOf(hub);
      objective.push(`${r < 0 ? 0 : (input.rankWeights[r] ?? 0)} ${v}`);
      binaries.push(v);
      byHub.get(hub).push(v);
      return v;
    });
    rows.push(`f_${i}: ${vars.join(' + ')} = 1`);
  });
  for (const hub of input.hubs) {
    const vars = byHub.get(hub.code);
    if (vars.length === 0) continue;
    rows.push(`cap_${hub.code}: ${vars.join(' + ')} <= ${hub.capacity}`);
    rows.push(`min_${hub.code}: ${vars.join(' + ')} >= ${hub.minimum ?? 0}`);
  }
  return { totalPoints: solveLp(highs, 'Maximize', objective.join(' + '), rows, [], binaries) };
}

/** The lexicographic optimum by two integer programs: max floor t, then max total with every unlocked score ≥ t. */
function matchingOracle(highs, input) {
  const key = (f, m) => `${f}|${m}`;
  const declared = new Set(input.conflicts.map((p) => key(p.fellowId, p.mentorId)));
  const forbidden = new Set(input.forbidden.map((p) => key(p.fellowId, p.mentorId)));
  const lockOf = new Map(input.locked.map((p) => [p.fellowId, p.mentorId]));
  const room = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  let lockedScore = 0;
  for (const [fellowId, mentorId] of lockOf) {
    room.set(mentorId, room.get(mentorId) - 1);
    const f = input.fellows.find((x) => x.id === fellowId);
    const m = input.mentors.find((x) => x.id === mentorId);
    lockedScore += solvers.compatibility(f, m, input.weights).score;
  }
  const rows = [];
  const floors = [];
  const total = [];
  const binaries = [];
  const byMentor = new Map(input.mentors.map((m) => [m.id, []]));
  input.fellows
    .filter((f) => !lockOf.has(f.id))
    .forEach((f, i) => {
      const vars = [];
      const scored = [];
      input.mentors.forEach((m, j) => {
        const org = solvers.normaliseName(f.organisation);
        if (room.get(m.id) <= 0 || declared.has(key(f.id, m.id)) || forbidden.has(key(f.id, m.id))) return;
        if (org !== '' && org === solvers.normaliseName(m.organisation)) return;
        const c = solvers.compatibility(f, m, input.weights);
        if (c === null) return;
        const v = `x_${i}_${j}`;
        vars.push(v);
        binaries.push(v);
        byMentor.get(m.id).push(v);
        scored.push(`${c.score} ${v}`);
      });
      rows.push(`one_${i}: ${vars.join(' + ')} = 1`);
      floors.push(scored.join(' + '));
      total.push(...scored);
    });
  input.mentors.forEach((m, j) => {
    const vars = byMentor.get(m.id);
    if (vars.length > 0) rows.push(`cap_${j}: ${vars.join(' + ')} <= ${room.get(m.id)}`);
  });
  const minScore = solveLp(
    highs,
    'Maximize',
    't',
    [...rows, ...floors.map((terms, i) => `floor_${i}: ${terms} - t >= 0`)],
    ['-inf <= t <= +inf'],
    binaries,
  );
  const best = solveLp(
    highs,
    'Maximize',
    total.join(' + '),
    [...rows, ...floors.map((terms, i) => `floor_${i}: ${terms} >= ${minScore}`)],
    [],
    binaries,
  );
  return { minScore, totalScore: best + lockedScore };
}

async function main() {
  const highs = await loadHighs();
  const placementInput = solvers.generatePlacementInput({ fellows: 100, seed: 11 });
  const matchingInput = solvers.generateMatchingInput({ fellows: 100, mentors: 300, locks: 5, seed: 7 });

  const placement = timed(() => solvers.placeFellows(placementInput));
  const matching = timed(() => solvers.matchMentors(matchingInput));
  if (placement.result.status !== 'optimal') throw new Error('placement infeasible on the benchmark instance');
  if (matching.result.status !== 'optimal') throw new Error('matching infeasible on the benchmark instance');

  const placementStart = process.hrtime.bigint();
  const placementOptimum = placementOracle(highs, placementInput);
  const placementOracleTime = ms(placementStart);
  const oracleStart = process.hrtime.bigint();
  const matchingOptimum = matchingOracle(highs, matchingInput);
  const oracleTime = ms(oracleStart);

  const placementOptimal = placementOptimum.totalPoints === placement.result.totalPoints;
  const matchingOptimal =
    matchingOptimum.minScore === matching.result.minScore && matchingOptimum.totalScore === matching.result.totalScore;
  const optimal = placementOptimal && matchingOptimal;
  const ratio = matching.time / oracleTime;
  const met = optimal && matching.time < TARGET_MS;

  const byHub = {};
  for (const p of placement.result.placements) byHub[p.hub] = (byHub[p.hub] ?? 0) + 1;
  const firstChoices = placement.result.placements.filter((p) => p.rank === 1).length;
  console.log(
    `placement 100 fellows → ${Object.keys(byHub).length} hubs: ${placement.time.toFixed(1)} ms median of ${RUNS}; ` +
      `total points ${placement.result.totalPoints} (HiGHS ${placementOptimum.totalPoints}, ${placementOracleTime.toFixed(0)} ms); ` +
      `${firstChoices} first choices; ${JSON.stringify(byHub)}`,
  );
  console.log(
    `matching 100 fellows × 300 mentors: ${matching.time.toFixed(1)} ms median of ${RUNS}; ` +
      `floor ${matching.result.minScore}, total ${matching.result.totalScore}`,
  );
  console.log(
    `HiGHS oracle (floor ILP, then total ILP): ${oracleTime.toFixed(0)} ms; floor ${matchingOptimum.minScore}, ` +
      `total ${matchingOptimum.totalScore}; solver/oracle time ratio ${ratio.toFixed(3)}`,
  );
  console.log(
    `RESULT matching placement_ms=${placement.time.toFixed(1)} matching_ms=${matching.time.toFixed(1)} ` +
      `matching_target_ms=${TARGET_MS} oracle_ms=${oracleTime.toFixed(0)} ratio=${ratio.toFixed(3)} ` +
      `optimal=${optimal ? 'yes' : 'no'} targets=${met ? 'met' : 'missed'}`,
  );
  if (!met) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
