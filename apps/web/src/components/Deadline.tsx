import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The program's time zone: every deadline is stated and shown in Vietnam time, wherever the reader is. */
export const PROGRAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "31/03/2027 23:59" (vi) or "31 Mar 2027, 23:59" (en) in Vietnam time. */
export function formatProgramTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: PROGRAM_TIME_ZONE,
    dateStyle: language === 'vi' ? 'short' : 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The current time, refreshed every `everyMs` (every second in the last hour, else every 30 s). */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  closed: boolean;
}

export function remaining(closesAtMs: number, nowMs: number): Remaining {
  const left = Math.max(0, closesAtMs - nowMs);
  return {
    days: Math.floor(left / 86_400_000),
    hours: Math.floor(left / 3_600_000) % 24,
    minutes: Math.floor(left / 60_000) % 60,
    seconds: Math.floor(left / 1000) % 60,
    closed: left === 0,
  };
}

/** The application deadline in Vietnam time and a live countdown to it. */
export function DeadlineCountdown({ closesAt }: { closesAt: string }) {
  const { t, i18n } = useTranslation();
  const closesAtMs = Date.parse(closesAt);
  const [lastHour, setLastHour] = useState(() => closesAtMs - Date.now() < 3_600_000);
  const now = useNow(lastHour ? 1000 : 30_000);
  // Derived from the clock while rendering (React's 'adjust state when a prop changes'), not in an effect.
  if (closesAtMs - now < 3_600_000 !== lastHour) setLastHour(!lastHour);
  const left = remaining(closesAtMs, now);
  const urgent = !left.closed && left.days < 2;
  return (
    <Group gap="xs" wrap="wrap" data-testid="deadline">
      <Text size="sm">{t('apply.deadline', { when: formatProgramTime(closesAt, i18n.resolvedLanguage ?? 'vi') })}</Text>
      <Badge color={left.closed ? 'gray' : urgent ? 'red' : 'indigo'} variant="light" role="timer" aria-live="off">
        {left.closed
          ? t('apply.closed')
          : left.days > 0
            ? t('apply.leftDays', { days: left.days, hours: left.hours })
            : t('apply.leftTime', {
                time: [left.hours, left.minutes, left.seconds].map((n) => String(n).padStart(2, '0')).join(':'),
              })}
      </Badge>
    </Group>
  );
}
