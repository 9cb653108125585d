import { Anchor, AppShell, Burger, Button, Container, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/client';
import { useLogout, useMe } from '../auth/session';
import { Navigation } from '../shell/Navigation';
import { PageTrail } from '../shell/PageTrail';
import { LanguageSwitch } from './LanguageSwitch';

function UserMenu({ name, roles }: { name: string; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('a11y.accountMenu', { name })} data-testid="user-menu">
          <Text size="sm" fw={500} truncate maw={{ base: 110, sm: 220 }}>
            {name} <span aria-hidden="true">▾</span>
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{roles.map((role) => t(`roles.${role}`)).join(', ')}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item component={Link} to="/announcements">
          {t('announcements.nav')}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/notifications">
          {t('notificationSettings.title')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/data-access">
          {t('accessLog.mine.nav')}
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

/**
 * The shell: a header (burger on a phone, name, language, user menu), for a signed-in user the
 * navigation of their roles (a sidebar on a wide screen, a drawer on a phone), the breadcrumbs and
 * the page.
 */
export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname, search } = useLocation();
  // The drawer closes once a link in it is followed.
  useEffect(close, [close, pathname, search]);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={me ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding={0}
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {me && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-expanded={opened}
                aria-controls="navigation"
              />
            )}
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
          </Group>
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
      </AppShell.Header>
      {me && (
        <AppShell.Navbar id="navigation" aria-label={t('shell.navigation')} component="nav">
          <Navigation roles={me.roles} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main">
        <Container size="lg" py="md">
          <PageTrail signedIn={!!me} />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
