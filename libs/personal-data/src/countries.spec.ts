import { countryOfTimeZone, isAbroad } from './countries';

describe(countryOfTimeZone.name, () => {
  it.each([
    ['Asia/Tokyo', 'JP'],
    ['Asia/Seoul', 'KR'],
    ['Asia/Singapore', 'SG'],
    ['Europe/Berlin', 'DE'],
    ['Asia/Ho_Chi_Minh', 'VN'],
    ['Asia/Saigon', 'VN'],
    ['Etc/UTC', null],
    ['Not/AZone', null],
  ])('%s → %s', (zone, country) => {
    expect(countryOfTimeZone(zone)).toBe(country);
  });

  it('counts Vietnam (either name of its zone) as home and a zone without a country as abroad', () => {
    expect(isAbroad('Asia/Ho_Chi_Minh')).toBe(false);
    expect(isAbroad('Asia/Saigon')).toBe(false);
    expect(isAbroad('Asia/Tokyo')).toBe(true);
    expect(isAbroad('Etc/UTC')).toBe(true);
  });
});
