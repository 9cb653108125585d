import { ageOn, evaluateEligibility } from './eligibility';

const RULES = [
  { code: 'max_age', params: { maxAge: 40 } },
  { code: 'vietnamese_citizen', params: {} },
  { code: 'enterprise_min_years', params: { years: 2 } },
];
const closes = new Date('2027-03-31T16:59:00Z');

describe(evaluateEligibility.name, () => {
  it('passes an eligible founder', () => {
    const outcomes = evaluateEligibility(
      RULES,
      { personal: { dateOfBirth: '1990-01-01', citizenship: 'VN' }, enterprise: { foundingYear: 2020 } },
      closes,
    );
    expect(outcomes.every((o) => o.passed)).toBe(true);
  });

  it('fails each rule with a readable reason', () => {
    const outcomes = evaluateEligibility(
      RULES,
      { personal: { dateOfBirth: '1980-01-01', citizenship: 'SG' }, enterprise: { foundingYear: 2026 } },
      closes,
    );
    expect(outcomes.map((o) => [o.code, o.passed])).toEqual([
      ['max_age', false],
      ['vietnamese_citizen', false],
      ['enterprise_min_years', false],
    ]);
    expect(outcomes.map((o) => o.params)).toEqual([
      { maxAge: 40, age: 47 },
      { citizenship: 'SG' },
      { years: 2, founded: 2026 },
    ]);
    expect(outcomes[0]?.reason).toContain('you would be 47');
  });

  it('refuses an unknown rule rather than passing it', () => {
    expect(
      evaluateEligibility([{ code: 'mystery', params: {} }], { personal: {}, enterprise: {} }, closes)[0]?.passed,
    ).toBe(false);
  });
});

describe(ageOn.name, () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('1987-03-31', new Date('2027-03-31T00:00:00Z'))).toBe(40);
    expect(ageOn('1987-04-01', new Date('2027-03-31T00:00:00Z'))).toBe(39);
  });
});

describe(ageOn.name, () => {
  it('has no age for a date that is not a real day, so max_age fails it', () => {
    expect(ageOn('1990-13-01', closes)).toBeNaN();
    const [outcome] = evaluateEligibility(
      [{ code: 'max_age', params: { maxAge: 40 } }],
      { personal: { dateOfBirth: '1990-13-01' }, enterprise: {} },
      closes,
    );
    expect(outcome).toMatchObject({ passed: false, params: { maxAge: 40, age: null } });
  });
});
