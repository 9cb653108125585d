import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Rubric, scoreErrors, weightedMean } from './rubric';

const rubric: Rubric = {
  criteria: [
    { code: 'a', title: { vi: 'A', en: 'A' }, weight: 3, anchors: {} },
    { code: 'b', title: { vi: 'B', en: 'B' }, weight: 1, anchors: {} },
  ],
};

describe(weightedMean.name, () => {
  it('weights each criterion by its weight over the sum of weights', () => {
    expect(weightedMean(rubric, { a: 5, b: 1 })).toBe(4);
    expect(weightedMean(rubric, { a: 2, b: 2 })).toBe(2);
  });
});

describe(scoreErrors.name, () => {
  it('accepts one whole score 1–5 per criterion', () => {
    expect(scoreErrors(rubric, { a: 1, b: 5 })).toEqual([]);
  });

  it('names each missing, out-of-range, fractional or unknown score', () => {
    expect(scoreErrors(rubric, { a: 0, c: 3 }).map((e) => e.field)).toEqual(['scores.a', 'scores.b', 'scores.c']);
    expect(scoreErrors(rubric, { a: 2.5, b: '3' }).map((e) => e.field)).toEqual(['scores.a', 'scores.b']);
  });
});

describe('config/rubric.json', () => {
  const defaults = JSON.parse(readFileSync(join(__dirname, '../../../config/rubric.json'), 'utf8')) as Rubric;

  it('has the four pillars plus business potential and hub fit, each anchored at 1, 3 and 5 in both languages', () => {
    expect(defaults.criteria.map((c) => c.code)).toEqual([
      'global_management',
      'international_legal',
      'intercultural_negotiation',
      'esg_mindset',
      'business_potential',
      'hub_fit',
    ]);
    for (const criterion of defaults.criteria) {
      expect(Object.keys(criterion.anchors)).toEqual(['1', '3', '5']);
      for (const text of Object.values(criterion.anchors)) expect(text?.vi && text.en).toBeTruthy();
    }
  });
});
