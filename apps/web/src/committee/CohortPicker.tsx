import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAllCohorts } from './api';

/**
 * The cohort a staff page works on, kept in the URL (?cohortId=), defaulting to the newest; the
 * picker to change it.
 */
export function useCohortParam() {
  const [params, setParams] = useSearchParams();
  const cohorts = useAllCohorts();
  const cohortId = params.get('cohortId') || cohorts.data?.[0]?.id || '';
  useEffect(() => {
    if (cohortId && !params.get('cohortId'))
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('cohortId', cohortId);
          return next;
        },
        { replace: true },
      );
  }, [cohortId]);
  const cohort = cohorts.data?.find((c) => c.id === cohortId);
  const setCohortId = (id: string) => setParams(new URLSearchParams({ cohortId: id }), { replace: true });
  return { cohortId, cohort, cohorts, setCohortId };
}

export function CohortPicker({
  cohortId,
  cohorts,
  onChange,
}: {
  cohortId: string;
  cohorts: Array<{ id: string; name: string }>;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t('staffApps.cohort')}
      placeholder={t('staffApps.cohort')}
      data={cohorts.map((c) => ({ value: c.id, label: c.name }))}
      value={cohortId || null}
      allowDeselect={false}
      onChange={(value) => value && onChange(value)}
    />
  );
}
