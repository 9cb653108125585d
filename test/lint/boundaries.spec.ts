import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Linted {
  as: string;
  messages: { ruleId: string | null; message: string }[];
}

const root = join(__dirname, '..', '..');
const fixture = (name: string) => join(__dirname, 'fixtures', name);

/** Lints each fixture as if it lived at its path, with the real ESLint config of `cwd`. */
function lint(cwd: string, files: [fixture: string, as: string][]): Linted[] {
  const run = spawnSync(process.execPath, [join(__dirname, 'run-eslint.mjs'), cwd, ...files.flat()], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Linted[];
}

/** Every path that comes back to where it started, following the arrows of `graph`. */
function cyclesOf(graph: Record<string, string[]>): string[][] {
  const found: string[][] = [];
  const walk = (path: string[]) => {
    for (const next of graph[path[path.length - 1]] ?? []) {
      if (path.includes(next)) found.push([...path, next]);
      else walk([...path, next]);
    }
  };
  Object.keys(graph).forEach((start) => walk([start]));
  return found;
}

const boundaryErrors = (result: Linted) =>
  result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);

describe('config/boundaries.json, enforced by lint', () => {
  it('allows no cycle: between domain libs, nor between the web features it lets import each other', () => {
    const file = JSON.parse(readFileSync(join(root, 'config', 'boundaries.json'), 'utf8')) as {
      libs: { domain: Record<string, string[]> };
      web: { featureExceptions: { from: string; to: string }[] };
    };
    const webGraph: Record<string, string[]> = {};
    for (const { from, to } of file.web.featureExceptions) (webGraph[from] ??= []).push(to);

    expect(cyclesOf(file.libs.domain)).toEqual([]);
    expect(cyclesOf(webGraph)).toEqual([]);
    expect(
      Object.values(file.libs.domain)
        .flat()
        .filter((lib) => !(lib in file.libs.domain)),
    ).toEqual([]);
  });

  it('refuses imports DESIGN forbids between libs, and passes the allowed ones', () => {
    const [upward, infrastructure, backwards, legal] = lint(root, [
      [fixture('cohorts-imports-committee.fixture.ts'), 'libs/cohorts/src/lint-fixture.ts'],
      [fixture('infrastructure-imports-domain.fixture.ts'), 'libs/notifications/src/lint-fixture.ts'],
      [fixture('programme-imports-selection.fixture.ts'), 'libs/milestones/src/lint-fixture.ts'],
      [fixture('legal-lib-imports.fixture.ts'), 'libs/milestones/src/lint-fixture.ts'],
    ]);

    expect(boundaryErrors(upward)).toEqual([
      expect.stringMatching(/"lib:cohorts" to elements of type "lib:committee"/),
    ]);
    expect(boundaryErrors(infrastructure)).toEqual([
      expect.stringMatching(/"lib:notifications" to elements of type "lib:identity"/),
    ]);
    expect(boundaryErrors(backwards)).toEqual([
      expect.stringMatching(/"lib:milestones" to elements of type "lib:committee"/),
    ]);
    expect(legal.messages).toEqual([]);
  });

  it('grants no lib an exception: reports read milestones through their SQL function, not their code', () => {
    const file = JSON.parse(readFileSync(join(root, 'config', 'boundaries.json'), 'utf8')) as {
      libs: { exceptions: unknown[] };
    };
    const [reports] = lint(root, [
      [fixture('reports-imports-milestones.fixture.ts'), 'libs/reports/src/lint-fixture.ts'],
    ]);

    expect(file.libs.exceptions).toEqual([]);
    expect(boundaryErrors(reports)).toEqual([
      expect.stringMatching(/"lib:reports" to elements of type "lib:milestones"/),
    ]);
  });

  it("refuses a web feature importing another feature's components, and passes shared ones and data hooks", () => {
    const [internals, legal] = lint(join(root, 'apps', 'web'), [
      [fixture('web-feature-imports-feature.fixture.tsx'), 'src/staff/LintFixture.tsx'],
      [fixture('web-legal-imports.fixture.tsx'), 'src/staff/LintFixture.tsx'],
    ]);

    expect(boundaryErrors(internals)).toEqual([
      expect.stringMatching(
        /feature="staff" to elements of type "web:feature" and captured values: feature="committee"/,
      ),
    ]);
    expect(legal.messages).toEqual([]);
  });
});
