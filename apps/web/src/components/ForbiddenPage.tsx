import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role, User } from '../api/client';

/** Shown instead of a page the signed-in user's roles do not open (the API would refuse its data anyway). */
export function ForbiddenPage({ user, roles }: { user: User; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const names = (list: readonly Role[]) => list.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <Stack align="center" mt="xl" gap="md" maw={560} mx="auto" data-testid="forbidden">
      <Title order={1} size="h2">
        {t('shell.forbidden.title')}
      </Title>
      <Alert color="orange" variant="light" w="100%">
        <Text size="sm">
          {t('shell.forbidden.body', { roles: names(roles), name: user.fullName, yours: names(user.roles) })}
        </Text>
        <Text size="sm" mt="xs">
          {t('shell.forbidden.hint')}
        </Text>
      </Alert>
      <Anchor component={Link} to="/">
        {t('shell.forbidden.back')}
      </Anchor>
    </Stack>
  );
}
