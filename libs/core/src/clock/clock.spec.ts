import { formatInProgramZone, parseProgramLocal, toProgramLocal } from './clock';

describe(formatInProgramZone.name, () => {
  it('shows an instant in Vietnam time (UTC+7, no daylight saving)', () => {
    expect(formatInProgramZone(new Date('2027-03-31T16:59:00Z'))).toBe('2027-03-31 23:59 (GMT+7)');
    expect(formatInProgramZone(new Date('2027-07-01T17:00:00Z'))).toBe('2027-07-02 00:00 (GMT+7)');
  });
});

describe(parseProgramLocal.name, () => {
  it('reads Vietnam wall time into UTC and back', () => {
    const closes = parseProgramLocal('2027-03-31T23:59');
    expect(closes?.toISOString()).toBe('2027-03-31T16:59:00.000Z');
    expect(toProgramLocal(closes as Date)).toBe('2027-03-31T23:59');
    expect(parseProgramLocal('2027-01-01T03:00')?.toISOString()).toBe('2026-12-31T20:00:00.000Z');
  });

  it.each(['2027-02-30T10:00', '2027-13-01T10:00', '2027-01-01T24:00', '2027-01-01 10:00', '2027-01-01T10:00Z'])(
    'refuses %s',
    (value) => expect(parseProgramLocal(value)).toBeNull(),
  );
});
