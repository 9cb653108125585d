import { parseProgramLocal } from '../clock/clock';
import { addYears, calendarDateProblem, localDateTimeProblem, parseCalendarDate } from './calendar-date';
import { COUNTRY_CODES, isCountryCode } from './countries';
import { hasVisibleText } from './visible-name';

describe(parseCalendarDate.name, () => {
  it.each([
    '1990-13-01',
    '2027-02-30',
    '0000-00-00',
    '2026-02-29',
    '1990-1-01',
    '1990-01-01T00:00',
    ' 1990-01-01',
    19900101,
  ])('refuses %j: not a real day written YYYY-MM-DD', (value) => expect(parseCalendarDate(value)).toBeNull());

  it.each(['1990-01-01', '2028-02-29', '2000-02-29', '0099-12-31'])('reads %s as that very day', (value) =>
    expect(parseCalendarDate(value)?.toISOString().slice(0, 10)).toBe(value),
  );
});

describe(calendarDateProblem.name, () => {
  const birth = { min: (today: string) => addYears(today, -100), max: (today: string) => addYears(today, -18) };

  it('names the field and the range, counting relative bounds from today', () => {
    expect(calendarDateProblem('dateOfBirth', '2035-05-05', birth, '2026-12-07')).toBe(
      'dateOfBirth must be between 1926-12-07 and 2008-12-07',
    );
    expect(calendarDateProblem('dateOfBirth', '1850-01-01', birth, '2026-12-07')).toMatch(/between/);
    expect(calendarDateProblem('dateOfBirth', '1990-13-01', birth, '2026-12-07')).toMatch(/real date/);
    expect(calendarDateProblem('dateOfBirth', '1992-05-17', birth, '2026-12-07')).toBeNull();
  });

  it('keeps fixed bounds inclusive', () => {
    const range = { min: '2000-01-01', max: '2100-12-31' };
    expect(calendarDateProblem('d', '2000-01-01', range, '2026-01-01')).toBeNull();
    expect(calendarDateProblem('d', '2100-12-31', range, '2026-01-01')).toBeNull();
    expect(calendarDateProblem('d', '1899-12-31', range, '2026-01-01')).toMatch(/between 2000-01-01 and 2100-12-31/);
  });

  it('adds years without rolling 29 February into March', () => {
    expect(addYears('2028-02-29', -18)).toBe('2010-02-28');
    expect(addYears('2026-12-07', 3)).toBe('2029-12-07');
  });
});

describe(isCountryCode.name, () => {
  it('takes the 249 officially assigned ISO 3166-1 alpha-2 codes and nothing else', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    for (const code of ['VN', 'JP', 'SG', 'KR', 'DE', 'US', 'GB']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['XX', 'ZZ', 'EU', 'UK', 'vn', 'VNM', '', null]) expect(isCountryCode(code)).toBe(false);
  });
});

describe(hasVisibleText.name, () => {
  it.each([
    ['\u200B\u200B\u200B', false],
    ['\u200D\u2060\uFEFF', false],
    ['   \t', false],
    ['\u0301\u0303', false],
    ['--', false],
    ['', false],
    ['Nguyễn Văn An', true],
    ['VGBF 2027', true],
    ['李', true],
  ])('%j → %s', (value, visible) => expect(hasVisibleText(value)).toBe(visible));
});

describe(localDateTimeProblem.name, () => {
  const window = { min: '2000-01-01', max: '2100-12-31' };
  it.each(['0000-01-01T00:00', '1899-12-31T17:00', '2027-02-30T10:00', '2027-03-31T24:00', '2027-03-31 23:59'])(
    'refuses %s',
    (value) =>
      expect(localDateTimeProblem('applicationOpensAt', value, window, '2026-12-07')).toMatch(
        /^applicationOpensAt must be/,
      ),
  );
  it('takes a real time in the window', () =>
    expect(localDateTimeProblem('applicationOpensAt', '2027-03-31T23:59', window, '2026-12-07')).toBeNull());
  it('never reads year 0000 as 1900 in program time', () => expect(parseProgramLocal('0000-01-01T00:00')).toBeNull());
});
