import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role, User } from '../api/client';
import { AnnouncementsCard } from '../announcements/AnnouncementsCard';
import { Cockpit } from '../cockpit/Cockpit';

/** Display order: the people the program is for first, then those who run it. */
const ROLE_ORDER: readonly Role[] = ['applicant', 'fellow', 'mentor', 'reviewer', 'staff', 'admin'];

type NavKey = 'home.open' | 'nav.applications' | 'nav.committee' | 'nav.selection' | 'mentorProfile.nav';
const STAFF_PAGES: Array<{ to: string; label: NavKey }> = [
  { to: '/staff/applications', label: 'nav.applications' },
  { to: '/staff/committee', label: 'nav.committee' },
  { to: '/staff/selection', label: 'nav.selection' },
];

/** Where each role's work lives, for the roles whose pages exist; the first is the main one. */
const ROLE_PAGES: Partial<Record<Role, Array<{ to: string; label: NavKey }>>> = {
  applicant: [{ to: '/apply', label: 'home.open' }],
  reviewer: [{ to: '/reviews', label: 'home.open' }],
  mentor: [
    { to: '/mentoring', label: 'home.open' },
    { to: '/mentoring/profile', label: 'mentorProfile.nav' },
  ],
  fellow: [{ to: '/programme', label: 'home.open' }],
  staff: STAFF_PAGES,
  admin: STAFF_PAGES,
};

/**
 * The role-aware home: for staff and admins the cohort cockpit; one card per other role of the user,
 * each leading to that role's pages.
 */
export function HomePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const roles = ROLE_ORDER.filter((role) => user.roles.includes(role));
  const runsCohorts = roles.includes('staff') || roles.includes('admin');
  const cards = runsCohorts ? roles.filter((role) => role !== 'staff' && role !== 'admin') : roles;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2" data-testid="greeting">
          {t('home.greeting', { name: user.fullName })}
        </Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </div>
      <Group gap="xs" aria-label={t('home.rolesLabel')} role="list">
        <Text size="sm" fw={500}>
          {t('home.rolesLabel')}:
        </Text>
        {roles.map((role) => (
          <Badge key={role} variant="light" role="listitem">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </Group>
      {runsCohorts && <Cockpit />}
      <AnnouncementsCard />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {cards.map((role) => (
          <Card key={role} withBorder radius="md" padding="lg" data-testid={`role-card-${role}`}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={2} size="h4">
                {t(`roles.${role}`)}
              </Title>
              {!ROLE_PAGES[role] && (
                <Badge color="gray" variant="outline" size="sm">
                  {t('home.comingSoon')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`roleCards.${role}`)}
            </Text>
            {ROLE_PAGES[role] && (
              <Group gap="xs" mt="md">
                {ROLE_PAGES[role].map((page, i) => (
                  <Button key={page.to} component={Link} to={page.to} size="sm" variant={i === 0 ? 'filled' : 'light'}>
                    {t(page.label)}
                  </Button>
                ))}
              </Group>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
