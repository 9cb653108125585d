import { utcOffsetMinutes } from './time-zones';

describe('utcOffsetMinutes', () => {
  it('reads offsets, summer time included', () => {
    expect(utcOffsetMinutes('Asia/Tokyo', new Date('2027-09-01T00:00:00Z'))).toBe(540);
    expect(utcOffsetMinutes('Europe/Berlin', new Date('2027-01-15T00:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Berlin', new Date('2027-07-15T00:00:00Z'))).toBe(120);
    expect(utcOffsetMinutes('America/New_York', new Date('2027-01-15T00:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('UTC', new Date('2027-01-15T00:00:00Z'))).toBe(0);
  });
});
