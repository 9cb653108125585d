import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router';
import { rememberedCohortId } from '../components/currentCohort';
import { findNavItem, trailOf } from '../components/navigation';

/**
 * The page's title in the browser tab and the breadcrumbs above it (Home › group › list › page),
 * both from the navigation config. Unknown addresses are titled as not found.
 */
export function PageTrail({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const item = findNavItem(pathname);
  const exact = !!item && !!matchPath({ path: item.path, end: true }, pathname);
  const page = exact ? t(item.label) : t('notFound.title');
  useEffect(() => {
    document.title = `${page} · ${t('app.name')}`;
  }, [page, t]);
  if (!signedIn || !item || item.public || item.path === '/') return null;
  const trail = exact ? trailOf(item) : [];
  const cohortId = rememberedCohortId();
  return (
    <nav aria-label={t('shell.breadcrumbs')}>
      <Breadcrumbs mb="sm" separator="›" styles={{ breadcrumb: { fontSize: 'var(--mantine-font-size-sm)' } }}>
        <Anchor component={Link} to="/" size="sm">
          {t('nav.home')}
        </Anchor>
        {trail[0]?.group && (
          <Text size="sm" c="dark.4">
            {t(`shell.groups.${trail[0].group}`)}
          </Text>
        )}
        {trail.slice(0, -1).map((parent) => (
          <Anchor
            key={parent.path}
            component={Link}
            to={
              parent.cohortScoped && cohortId ? `${parent.path}?cohortId=${encodeURIComponent(cohortId)}` : parent.path
            }
            size="sm"
          >
            {t(parent.label)}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page">
          {page}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
