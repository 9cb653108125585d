import { Box, Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { defaultCohortId, rememberCohortId } from './currentCohort';
import { useAllCohorts } from '../committee/api';

/**
 * The cohort a staff page works on, kept in the URL (?cohortId=) and remembered on this device,
 * defaulting to the one last worked on, else the newest; the picker to change it. The shell's
 * cohort switcher (sidebar) changes the same URL parameter.
 */
export function useCohortParam() {
  const [params, setParams] = useSearchParams();
  const cohorts = useAllCohorts();
  const cohortId = defaultCohortId(params.get('cohortId'), cohorts.data);
  useEffect(() => {
    if (cohortId) rememberCohortId(cohortId);
  }, [cohortId]);
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
  }, [cohortId, params, setParams]);
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
  // On a wide screen the sidebar's cohort switcher does this; on a phone the sidebar is a drawer.
  return (
    <Box hiddenFrom="sm">
      <Select
        aria-label={t('staffApps.cohort')}
        placeholder={t('staffApps.cohort')}
        data={cohorts.map((c) => ({ value: c.id, label: c.name }))}
        value={cohortId || null}
        allowDeselect={false}
        onChange={(value) => value && onChange(value)}
      />
    </Box>
  );
}
