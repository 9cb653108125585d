import { formatInProgramZone } from './clock';

describe(formatInProgramZone.name, () => {
  it('shows an instant in Vietnam time (UTC+7, no daylight saving)', () => {
    expect(formatInProgramZone(new Date('2027-03-31T16:59:00Z'))).toBe('2027-03-31 23:59 (GMT+7)');
    expect(formatInProgramZone(new Date('2027-07-01T17:00:00Z'))).toBe('2027-07-02 00:00 (GMT+7)');
  });
});
