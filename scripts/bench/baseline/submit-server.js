// The baseline of `npm run bench -- submit`: POST /api/v1/applications/:id/submit written by hand on
// node:http + pg, in its own process like the API. Per request, in one transaction, it does the SQL work
// the real endpoint does: the session lookup of the auth guard (with the user's contact details the
// confirmation email needs), the application locked FOR UPDATE, its documents, the cohort's deadline and
// rules, the same completeness and eligibility checks (the compiled functions of libs/applications), the
// UPDATE to submitted, the status-change row, the outbox row with the same payload, then the same JSON
// view of the application. What it leaves out is the framework: routing, guards, pipes, filters,
// logging, helmet, the ORM.
//   DATABASE_URL=… DATABASE_POOL_SIZE=10 PORT=… node scripts/bench/baseline/submit-server.js
const { createHash, randomUUID } = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const { Pool } = require('pg');

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'libs');
const { missingFields } = require(path.join(DIST, 'applications/src/completeness.js'));
const { evaluateEligibility } = require(path.join(DIST, 'applications/src/eligibility.js'));
const { formatInProgramZone } = require(path.join(DIST, 'core/src/clock/clock.js'));

const ROUTE = /^\/api\/v1\/applications\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/submit$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'vgbf-bench-baseline',
});

class Problem extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
    this.code = code;
  }
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function view(app, docs) {
  const sections = {
    personal: app.personal,
    enterprise: app.enterprise,
    languages: app.languages,
    hubPreferences: app.hub_preferences,
    essays: app.essays,
    referees: app.referees,
  };
  const missing = missingFields(sections, docs);
  return {
    id: app.id,
    cohortId: app.cohort_id,
    status: app.status,
    ...sections,
    region: app.region,
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      size: d.size_bytes,
      uploadedAt: d.created_at.toISOString(),
    })),
    missing,
    complete: missing.length === 0,
    submittedAt: app.submitted_at?.toISOString() ?? null,
    updatedAt: app.updated_at.toISOString(),
  };
}

async function submit(token, id, key, arrivedAt) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const session = (
      await client.query(
        `SELECT s.id, u.id AS user_id, u.roles, u.email, u.full_name, u.language
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
        [createHash('sha256').update(token).digest('hex'), arrivedAt],
      )
    ).rows[0];
    if (!session) throw new Problem(401, 'not_authenticated');
    if (!session.roles.includes('applicant')) throw new Problem(403, 'not_allowed');
    const app = (await client.query(`SELECT * FROM applications WHERE id = $1 FOR UPDATE`, [id])).rows[0];
    if (!app || app.applicant_id !== session.user_id) throw new Problem(404, 'not_found');
    const docs = (
      await client.query(
        `SELECT id, kind, filename, size_bytes, created_at FROM application_documents
          WHERE application_id = $1 ORDER BY created_at, id`,
        [id],
      )
    ).rows;
    if (app.status !== 'draft') {
      if (key && app.submit_idempotency_key === key) {
        await client.query('COMMIT');
        return view(app, docs);
      }
      throw new Problem(409, 'already_submitted');
    }
    const cohort = (
      await client.query(`SELECT name, application_closes_at, eligibility_rules FROM cohorts WHERE id = $1`, [
        app.cohort_id,
      ])
    ).rows[0];
    const closes = cohort.application_closes_at;
    if (arrivedAt >= closes) throw new Problem(409, 'deadline_passed');
    const facts = { ...app, hubPreferences: app.hub_preferences };
    if (missingFields(facts, docs).length) throw new Problem(422, 'application_incomplete');
    if (evaluateEligibility(cohort.eligibility_rules, app, closes).some((o) => !o.passed)) {
      throw new Problem(422, 'not_eligible');
    }
    const updated = (
      await client.query(
        `UPDATE applications SET status = 'submitted', submitted_at = $2, submit_idempotency_key = $3, updated_at = now()
          WHERE id = $1 RETURNING *`,
        [id, arrivedAt, key ?? null],
      )
    ).rows[0];
    await client.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, reason)
       VALUES ($1, 'draft', 'submitted', $2, NULL)`,
      [id, session.user_id],
    );
    const payload = {
      template: 'application-submitted',
      to: session.email,
      language: session.language,
      data: {
        fullName: typeof app.personal.fullName === 'string' ? app.personal.fullName : session.full_name,
        cohort: cohort.name,
        submittedAt: formatInProgramZone(arrivedAt),
      },
    };
    await client.query(`INSERT INTO outbox (queue, payload) VALUES ('mail', $1)`, [payload]);
    await client.query('COMMIT');
    return view(updated, docs);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const arrivedAt = new Date();
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
  const match = req.method === 'POST' ? ROUTE.exec(req.url) : null;
  if (!match) return send(res, 404, { status: 404, code: 'not_found' });
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : '';
  const key = req.headers['idempotency-key'] || undefined;
  if (!token) return send(res, 401, { status: 401, code: 'not_authenticated' });
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) return send(res, 400, { status: 400, code: 'invalid' });
  req.resume(); // no body expected; drain whatever came
  submit(token, match[1], key, arrivedAt).then(
    (body) => send(res, 200, body),
    (error) => {
      if (error instanceof Problem) return send(res, error.status, { status: error.status, code: error.code });
      const errorId = randomUUID();
      console.error(errorId, error);
      send(res, 500, { status: 500, errorId });
    },
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
