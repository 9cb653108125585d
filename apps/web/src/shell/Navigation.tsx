import { NavLink, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Role } from '../api/client';
import { useAllCohorts } from '../committee/api';
import { defaultCohortId, rememberCohortId } from '../components/currentCohort';
import { type NavItem, NAV_ITEMS, findNavItem, navigationFor } from '../components/navigation';

const isStaff = (roles: readonly Role[]) => roles.includes('staff') || roles.includes('admin');

/** A sidebar link's address: a cohort page opens on the current cohort. */
const hrefOf = (item: NavItem, cohortId: string) =>
  item.cohortScoped && cohortId ? `${item.path}?cohortId=${encodeURIComponent(cohortId)}` : item.path;

/**
 * The cohort staff work on: shown in the sidebar, remembered on this device and carried by the
 * cohort pages' ?cohortId=. Switching on a cohort page reloads that page for the new cohort; on a
 * detail page it goes back to its list for the new cohort.
 */
function CohortSwitcher({ cohortId, onChange }: { cohortId: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const cohorts = useAllCohorts();
  return (
    <Select
      label={t('shell.currentCohort')}
      data={(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      value={cohortId || null}
      allowDeselect={false}
      onChange={(value) => value && onChange(value)}
      data-testid="cohort-switcher"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function Navigation({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const staff = isStaff(roles);
  const cohorts = useAllCohorts(staff); // staff only: GET /cohorts is theirs
  const [switched, setSwitched] = useState<string | null>(null);
  const here = findNavItem(location.pathname);
  const cohortId = staff ? (params.get('cohortId') ?? switched ?? defaultCohortId(null, cohorts.data)) : '';

  const switchTo = (id: string) => {
    rememberCohortId(id);
    setSwitched(id);
    const list = here?.parent ? NAV_ITEMS.find((i) => i.path === here.parent) : here;
    if (here?.cohortScoped) void navigate(`${location.pathname}?cohortId=${encodeURIComponent(id)}`);
    else if (list?.cohortScoped) void navigate(hrefOf(list, id));
  };

  const activePath = here?.parent ?? here?.path;
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap="md" p="sm">
        {staff && <CohortSwitcher cohortId={cohortId} onChange={switchTo} />}
        <NavLink
          component={Link}
          to="/"
          label={t('nav.home')}
          active={activePath === '/'}
          aria-current={activePath === '/' ? 'page' : undefined}
        />
        {navigationFor(roles).map(({ group, items }) => (
          <div key={group} role="group" aria-labelledby={`nav-group-${group}`}>
            <Text id={`nav-group-${group}`} size="xs" fw={700} tt="uppercase" c="dark.4" px="sm" mb={4}>
              {t(`shell.groups.${group}`)}
            </Text>
            {items.map((item) => {
              const active = activePath === item.path;
              return item.external ? (
                <NavLink key={item.path} component="a" href={item.path} label={t(item.label)} />
              ) : (
                <NavLink
                  key={item.path}
                  component={Link}
                  to={hrefOf(item, cohortId)}
                  label={t(item.label)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
