import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerErrors, checkpointWindow, parseFeedbackConfig } from './feedback-forms';

describe('feedback forms', () => {
  const config = parseFeedbackConfig(
    JSON.parse(readFileSync(join(__dirname, '../../../../config/feedback.json'), 'utf8')) as unknown,
  );
  const byCode = (code: string) => config.checkpoints.find((c) => c.code === code)!;
  const year = { startDate: '2027-09-01', endDate: '2028-08-31' };

  it('config/feedback.json has the three checkpoints, each a short form', () => {
    expect(config.checkpoints.map((c) => c.code)).toEqual(['month_1', 'mid', 'end']);
    for (const c of config.checkpoints) expect(c.questions.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a bad file, naming each problem', () => {
    expect(() =>
      parseFeedbackConfig({
        checkpoints: [
          { code: 'x', title: { vi: 'x' }, opens: { from: 'later', days: 1 }, openForDays: 0, questions: [] },
        ],
      }),
    ).toThrow(/title needs vi and en[\s\S]*opens must be[\s\S]*openForDays[\s\S]*questions must hold/);
    expect(() => parseFeedbackConfig({})).toThrow(/checkpoints must be a non-empty list/);
  });

  it('opens month_1 30 days after the start, mid at the midpoint, end 14 days before the end', () => {
    expect(checkpointWindow(byCode('month_1'), year)).toEqual({ opensOn: '2027-10-01', closesOn: '2027-10-30' });
    expect(checkpointWindow(byCode('mid'), year).opensOn).toBe('2028-03-01');
    expect(checkpointWindow(byCode('end'), year).opensOn).toBe('2028-08-17');
  });

  it('checks answers against the form', () => {
    const form = byCode('month_1');
    expect(answerErrors(form, { usefulness: 4, responsive: true, change: 'More calls' })).toEqual([]);
    expect(answerErrors(form, { usefulness: 6, responsive: 'yes', extra: 1 }).map((e) => e.field)).toEqual([
      'answers.usefulness',
      'answers.responsive',
      'answers.extra',
    ]);
    expect(answerErrors(form, {}).map((e) => e.field)).toEqual(['answers.usefulness', 'answers.responsive']);
  });
});
