import { TIME_ZONE_COUNTRIES } from './time-zone-countries';

/** The programme's home country: data made available to a party elsewhere is a transfer abroad. */
export const HOME_COUNTRY = 'VN';

/** The ISO 3166-1 alpha-2 country of an IANA time zone (Asia/Tokyo → JP), or null when it has none (Etc/UTC). */
export function countryOfTimeZone(timeZone: string): string | null {
  return TIME_ZONE_COUNTRIES[timeZone] ?? null;
}

/**
 * Whether a party in this time zone is abroad. A zone without a country (UTC) counts as abroad: the
 * register errs on the side of recording a transfer.
 */
export function isAbroad(timeZone: string): boolean {
  return countryOfTimeZone(timeZone) !== HOME_COUNTRY;
}
