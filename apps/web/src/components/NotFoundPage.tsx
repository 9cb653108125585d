import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack align="center" mt="xl" data-testid="not-found">
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
      <Text c="dark.4" ta="center">
        {t('shell.notFoundBody', { path: pathname })}
      </Text>
      <Anchor component={Link} to="/">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
