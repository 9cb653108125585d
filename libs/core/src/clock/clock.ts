import { Injectable } from '@nestjs/common';

/** Program deadlines and schedules are defined in this zone; everything is stored in UTC. */
export const PROGRAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The one source of "now", so tests can move time instead of waiting for it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** Formats an instant as the program's local wall time, e.g. "2027-03-31 23:59 (GMT+7)". */
export function formatInProgramZone(instant: Date, locale = 'en-GB'): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: PROGRAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${get('timeZoneName')})`;
}
