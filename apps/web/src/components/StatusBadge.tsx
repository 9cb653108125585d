import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../applications/api';

const COLORS: Record<ApplicationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  ineligible: 'red',
  under_review: 'indigo',
  shortlisted: 'violet',
  interviewed: 'grape',
  offered: 'teal',
  waitlisted: 'yellow',
  rejected: 'red',
  accepted: 'green',
  declined: 'orange',
  withdrawn: 'dark',
};

export function StatusBadge({ status, size = 'md' }: { status: ApplicationStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    // Never cut to "ĐÃ PHỎNG …" in a crowded table: the column gives the badge its whole word.
    <Badge color={COLORS[status]} variant="light" size={size} miw="max-content" data-testid="status">
      {t(`status.${status}`)}
    </Badge>
  );
}
