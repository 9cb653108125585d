import { renderEmail } from '@vgbf/mail';
import type { EmailMessage, OutboxService } from './outbox.service';

/**
 * A type test: tsc checks this file (specs are in the tsconfig), so each `@ts-expect-error` below fails
 * the typecheck the day the line it marks compiles — a typo in a template name, or data that is not
 * that template's, is refused at the enqueue call, not in the mail worker.
 */
const review: EmailMessage = {
  template: 'review-last-call',
  to: 'ha@example.test',
  language: 'en',
  data: {
    fullName: 'Lê Thu Hà',
    cohort: 'VGBF 2027',
    pending: '4',
    deadline: '2027-04-30 23:59 (GMT+7)',
    link: 'https://vgbf.example/reviews',
  },
};

const typos: EmailMessage[] = [
  // @ts-expect-error a template name that does not exist (typo of review-last-call)
  { template: 'reveiw-last-call', to: 'a@example.test', language: 'en', data: review.data },
  // @ts-expect-error the review reminder without its deadline
  {
    template: 'review-last-call',
    to: 'a@example.test',
    language: 'en',
    data: { fullName: 'A', cohort: 'C', pending: '1', link: 'l' },
  },
  {
    template: 'review-last-call',
    to: 'a@example.test',
    language: 'en',
    // @ts-expect-error another template's data (the deadline reminder's daysLeft) for the review reminder
    data: { fullName: 'A', cohort: 'C', deadline: 'D', daysLeft: '7' },
  },
  {
    template: 'deadline-reminder',
    to: 'a@example.test',
    language: 'en',
    // @ts-expect-error a number where the email takes text
    data: { fullName: 'A', cohort: 'C', deadline: 'D', daysLeft: 7 },
  },
];

/** What the enqueue call accepts (its parameter type), checked the same way. */
type Enqueued = Parameters<OutboxService['enqueueEmail']>[1];
// @ts-expect-error enqueueEmail refuses a plain string as the template name
const anyName: Enqueued = { template: 'verify-email' as string, to: 'a@example.test', language: 'vi', data: {} };

describe('EmailMessage', () => {
  it('takes a known template with its data, which renders', () => {
    expect(renderEmail(review.template, review.language, review.data).subject).toBe(
      'Last call: 4 VGBF 2027 applications await your review',
    );
  });

  it('refuses, at compile time, a misspelt template and data that is not the template’s', () => {
    // The @ts-expect-error lines above are the test; at run time they are only values.
    expect(typos).toHaveLength(4);
    expect(anyName.template).toBe('verify-email');
  });
});
