import { Anchor, AppShell, Button, Container, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';

function UserMenu({ name, roles }: { name: string; roles: readonly string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.menu')} data-testid="user-menu">
          <Text size="sm" fw={500} truncate maw={{ base: 110, sm: 220 }}>
            {name} ▾
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/">
          {t('nav.home')}
        </Menu.Item>
        {roles.includes('applicant') && (
          <Menu.Item component={Link} to="/apply">
            {t('nav.myApplications')}
          </Menu.Item>
        )}
        {roles.includes('fellow') && (
          <Menu.Item component={Link} to="/programme">
            {t('myProgramme.nav')}
          </Menu.Item>
        )}
        {roles.includes('fellow') && (
          <Menu.Item component={Link} to="/milestones">
            {t('milestones.nav')}
          </Menu.Item>
        )}
        {roles.includes('mentor') && (
          <Menu.Item component={Link} to="/mentoring">
            {t('myMentoring.nav')}
          </Menu.Item>
        )}
        {roles.includes('mentor') && (
          <Menu.Item component={Link} to="/reviews/milestones">
            {t('milestones.staffNav')}
          </Menu.Item>
        )}
        {roles.includes('reviewer') && (
          <Menu.Item component={Link} to="/reviews">
            {t('nav.reviews')}
          </Menu.Item>
        )}
        {(roles.includes('staff') || roles.includes('admin')) && (
          <>
            <Menu.Item component={Link} to="/staff/applications">
              {t('nav.applications')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/committee">
              {t('nav.committee')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/selection">
              {t('nav.selection')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/placement">
              {t('staffProgramme.nav.placement')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/mentors">
              {t('staffProgramme.nav.mentors')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/matching">
              {t('staffProgramme.nav.matching')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/mentoring">
              {t('staffProgramme.nav.mentoring')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/milestones">
              {t('milestones.staffNav')}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/dashboard">
              {t('dashboard.nav')}
            </Menu.Item>
          </>
        )}
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login?loggedOut=1') })}
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Anchor
              component={Link}
              to="/"
              underline="never"
              c="inherit"
              fw={700}
              size="lg"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('app.name')}
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              {me ? (
                <UserMenu name={me.fullName} roles={me.roles} />
              ) : (
                <Button component={Link} to="/login" variant="subtle" size="xs">
                  {t('nav.login')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
