// The scale benchmark's pure helpers: npm run test:bench (node --test scripts/bench/).
const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { median, ownKey, percentile, planCopy, resolveReferences, uniqueFixes } = require('./plan');

const uuid = (name) => ({ name, type: 'uuid' });
const text = (name) => ({ name, type: 'text' });
const int = (name) => ({ name, type: 'integer' });

/** A small schema shaped like the real one: some references by foreign key, some only by name. */
const SCHEMA = {
  tables: {
    users: { columns: [uuid('id'), text('email'), text('email_normalized')], pk: ['id'] },
    cohorts: { columns: [uuid('id'), text('name')], pk: ['id'] },
    hubs: { columns: [uuid('id'), uuid('cohort_id'), text('code')], pk: ['id'] },
    applications: { columns: [uuid('id'), uuid('cohort_id'), uuid('applicant_id')], pk: ['id'] },
    review_assignments: {
      columns: [uuid('id'), uuid('cohort_id'), uuid('application_id'), uuid('reviewer_id')],
      pk: ['id'],
    },
    reviews: { columns: [uuid('assignment_id'), int('score')], pk: ['assignment_id'] },
    status_changes: { columns: [{ name: 'id', type: 'bigint' }, uuid('application_id'), uuid('actor_id')], pk: ['id'] },
    milestone_templates: { columns: [uuid('id'), uuid('cohort_id')], pk: ['id'] },
    milestones: { columns: [uuid('id'), uuid('template_id')], pk: ['id'] },
    milestone_submissions: { columns: [uuid('id'), uuid('milestone_id')], pk: ['id'] },
    milestone_reviews: { columns: [uuid('id'), uuid('milestone_id'), uuid('submission_id')], pk: ['id'] },
    announcement_recipients: { columns: [uuid('id'), uuid('user_id')], pk: ['id'] },
    reminder_log: { columns: [uuid('id'), uuid('recipient_id')], pk: ['id'] },
    waitlist_entries: { columns: [uuid('id'), uuid('cohort_id'), uuid('application_id'), int('rank')], pk: ['id'] },
    offers: { columns: [uuid('id'), uuid('application_id'), uuid('replaced_by_offer_id')], pk: ['id'] },
  },
  fks: [
    { table: 'hubs', column: 'cohort_id', ref: 'cohorts' },
    { table: 'applications', column: 'cohort_id', ref: 'cohorts' },
    { table: 'applications', column: 'applicant_id', ref: 'users' },
    { table: 'review_assignments', column: 'application_id', ref: 'applications' },
    { table: 'review_assignments', column: 'reviewer_id', ref: 'users' },
    { table: 'reviews', column: 'assignment_id', ref: 'review_assignments' },
    { table: 'announcement_recipients', column: 'user_id', ref: 'users' },
    { table: 'offers', column: 'replaced_by_offer_id', ref: 'offers' },
  ],
  uniques: [
    { table: 'users', name: 'users_email_normalized_key', columns: ['email_normalized'] },
    { table: 'cohorts', name: 'cohorts_name_key', columns: ['name'] },
    { table: 'hubs', name: 'hubs_cohort_code_key', columns: ['cohort_id', 'code'] },
    { table: 'applications', name: 'applications_cohort_applicant_key', columns: ['cohort_id', 'applicant_id'] },
    { table: 'waitlist_entries', name: 'waitlist_entries_cohort_rank_key', columns: ['cohort_id', 'rank'] },
  ],
};

describe('percentile', () => {
  it('takes the nearest rank of the sorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    assert.equal(percentile(values, 0.95), 19);
    assert.equal(percentile(values, 1), 20);
    assert.equal(percentile(values, 0), 1);
    assert.equal(median([3, 1, 2]), 2);
    assert.deepEqual(values.slice(0, 3), [5, 1, 4]); // the input is not sorted in place
  });

  it('is NaN for no values', () => {
    assert.ok(Number.isNaN(percentile([], 0.95)));
  });
});

describe('resolveReferences', () => {
  const refs = resolveReferences(SCHEMA);

  it('follows foreign keys, a primary key that is one included', () => {
    assert.deepEqual(refs.applications.applicant_id, { table: 'users', soft: false });
    assert.deepEqual(refs.reviews.assignment_id, { table: 'review_assignments', soft: false });
    assert.equal(ownKey(SCHEMA, refs, 'reviews'), null);
    assert.equal(ownKey(SCHEMA, refs, 'applications'), 'id');
    assert.equal(ownKey(SCHEMA, refs, 'status_changes'), null); // a bigint key the database fills in
  });

  it('reads references without a foreign key from the column name', () => {
    assert.deepEqual(refs.review_assignments.cohort_id, { table: 'cohorts', soft: false });
    assert.deepEqual(refs.status_changes.application_id, { table: 'applications', soft: false });
    assert.deepEqual(refs.milestones.template_id, { table: 'milestone_templates', soft: false });
    assert.deepEqual(refs.milestone_reviews.submission_id, { table: 'milestone_submissions', soft: false });
  });

  it('takes other uuid columns as people, and never a table of another family', () => {
    assert.deepEqual(refs.status_changes.actor_id, { table: 'users', soft: true });
    assert.deepEqual(refs.reminder_log.recipient_id, { table: 'users', soft: true });
  });
});

describe('planCopy', () => {
  const refs = resolveReferences(SCHEMA);

  it('copies a cohort with everything that hangs off it, parents first, and no people tables', () => {
    const order = planCopy(SCHEMA, refs, 'cohorts');
    assert.deepEqual([...order].sort(), [
      'applications',
      'cohorts',
      'hubs',
      'milestone_reviews',
      'milestone_submissions',
      'milestone_templates',
      'milestones',
      'offers',
      'review_assignments',
      'reviews',
      'status_changes',
      'waitlist_entries',
    ]);
    for (const [table, columns] of Object.entries(refs)) {
      if (!order.includes(table)) continue;
      for (const r of Object.values(columns)) {
        if (!r.soft && r.table !== table && order.includes(r.table)) {
          assert.ok(order.indexOf(r.table) < order.indexOf(table), `${r.table} before ${table}`);
        }
      }
    }
  });

  it('grows a cohort from its applications, leaving what hangs off the cohort alone', () => {
    const order = planCopy(SCHEMA, refs, 'applications');
    assert.ok(order.includes('reviews') && order.includes('waitlist_entries') && order.includes('offers'));
    assert.ok(!order.includes('hubs') && !order.includes('cohorts') && !order.includes('milestone_templates'));
  });
});

describe('uniqueFixes', () => {
  const refs = resolveReferences(SCHEMA);

  it('suffixes names and emails that would repeat, and leaves indexes on new ids alone', () => {
    const order = planCopy(SCHEMA, refs, 'cohorts');
    const fixes = uniqueFixes(SCHEMA, refs, ['users', ...order], (t) => t === 'users' || order.includes(t));
    assert.deepEqual([...fixes.users.suffix].sort(), ['email', 'email_normalized']);
    assert.deepEqual([...fixes.cohorts.suffix], ['name']);
    assert.equal(fixes.hubs.suffix.size + fixes.applications.suffix.size + fixes.waitlist_entries.offset.size, 0);
  });

  it('offsets an integer that shares a unique index with the unchanged cohort when growing in place', () => {
    const order = planCopy(SCHEMA, refs, 'applications');
    const fixes = uniqueFixes(SCHEMA, refs, ['users', ...order], (t) => t === 'users' || order.includes(t));
    assert.deepEqual([...fixes.waitlist_entries.offset], ['rank']);
    assert.equal(fixes.applications.suffix.size, 0); // its applicant is a new person
  });

  it('refuses an index it cannot keep unique', () => {
    const schema = {
      ...SCHEMA,
      uniques: [{ table: 'hubs', name: 'hubs_cohort_key', columns: ['cohort_id'] }],
    };
    assert.throws(() => uniqueFixes(schema, refs, ['hubs'], () => false), /hubs_cohort_key/);
  });
});
