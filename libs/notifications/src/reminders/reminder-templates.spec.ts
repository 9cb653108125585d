import type { ReminderChain } from './reminder-chain';
import { reminderTemplateProblems } from './reminder-templates';

describe(reminderTemplateProblems.name, () => {
  it('accepts optional steps whose emails offer unsubscribing and mandatory ones that say they are mandatory', () => {
    const chain: ReminderChain = [
      { step: 'soon', offsetDays: -7, to: 'fellow', template: 'milestone-due-soon', mandatory: false },
      { step: 'late', offsetDays: 1, to: 'fellow', template: 'milestone-overdue', mandatory: true },
      { step: 'd7', offsetDays: -7, to: 'applicant', template: 'deadline-reminder', mandatory: false },
      { step: 'd1', offsetDays: -1, to: 'applicant', template: 'deadline-last-call', mandatory: true },
      { step: 'r3', offsetDays: -3, to: 'reviewer', template: 'review-reminder', mandatory: false },
      { step: 'r1', offsetDays: -1, to: 'reviewer', template: 'review-last-call', mandatory: true },
      { step: 'm', offsetDays: 0, to: 'mentor', template: 'mentoring-mentor-inactive', mandatory: true },
      { step: 'u', offsetDays: 0, to: 'fellow', template: 'mentoring-sessions-unconfirmed', mandatory: false },
      { step: 'p', offsetDays: -1, to: 'fellow', template: 'mentoring-session-upcoming', mandatory: false },
    ];
    expect(reminderTemplateProblems('all', chain)).toEqual([]);
  });

  it('refuses an optional step with no unsubscribe link, in each language', () => {
    const chain: ReminderChain = [{ step: 'x', offsetDays: 0, to: 'a', template: 'offer', mandatory: false }];
    expect(reminderTemplateProblems('f', chain)).toEqual([
      'Reminder family "f", step x (offer, vi) is optional but offers no {unsubscribeUrl}',
      'Reminder family "f", step x (offer, en) is optional but offers no {unsubscribeUrl}',
    ]);
  });

  it('refuses a mandatory step that offers unsubscribing, or does not say it is mandatory', () => {
    const unsubscribable: ReminderChain = [
      { step: 'x', offsetDays: 0, to: 'a', template: 'review-reminder', mandatory: true },
    ];
    expect(reminderTemplateProblems('f', unsubscribable)).toEqual(
      expect.arrayContaining([
        'Reminder family "f", step x (review-reminder, vi) is mandatory but offers {unsubscribeUrl}',
        'Reminder family "f", step x (review-reminder, en) is mandatory but offers {unsubscribeUrl}',
      ]),
    );
    const silent: ReminderChain = [{ step: 'y', offsetDays: 0, to: 'a', template: 'offer', mandatory: true }];
    expect(reminderTemplateProblems('f', silent)).toEqual([
      'Reminder family "f", step y (offer, vi) is mandatory but does not say so ("bắt buộc")',
      'Reminder family "f", step y (offer, en) is mandatory but does not say so ("mandatory")',
    ]);
  });
});
