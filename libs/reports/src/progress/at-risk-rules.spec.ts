import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtRiskConfig } from './at-risk-rules';

describe(parseAtRiskConfig.name, () => {
  it('accepts config/at-risk.json', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../../../config/at-risk.json'), 'utf8')) as unknown;
    expect(parseAtRiskConfig(raw).milestoneOverdue.days).toBe(14);
  });

  it('names every bad threshold and unknown rule at once', () => {
    expect(() =>
      parseAtRiskConfig({
        milestoneOverdue: { days: -1 },
        noConfirmedSession: { days: 30 },
        lowRatings: { atMost: 2, count: 6, amongLast: 5 },
        negativeFeedback: {},
        silence: { days: 3 },
      }),
    ).toThrow(
      /milestoneOverdue\.days[\s\S]*negativeFeedback\.ratingAtMost[\s\S]*count cannot exceed[\s\S]*"silence" is not a rule/,
    );
  });
});
