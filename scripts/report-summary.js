#!/usr/bin/env node
// Sums the JSON reports of every test runner in reports/ into the one closing line
// "N passed, N failed", so a run that executed no test is visible.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'reports');
let passed = 0;
let failed = 0;
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    // Jest: a suite that failed to run at all counts as a failure even with no test inside.
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  } else if (report.stats && typeof report.stats.expected === 'number') {
    // Playwright JSON reporter.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
  } else {
    process.stderr.write(`report-summary: ${file} is not a report I know\n`);
    failed += 1;
  }
}
// The runners the caller expected (arguments, e.g. `unit integration browser`): one that wrote no
// report (it crashed, e.g. out of memory) counts as a failure, never as silence.
for (const name of process.argv.slice(2)) {
  if (!files.includes(`${name}.json`)) {
    process.stderr.write(`report-summary: no ${name} report (the runner did not finish)\n`);
    failed += 1;
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
