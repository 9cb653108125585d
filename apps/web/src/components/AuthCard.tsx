import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The narrow card the visitor pages share: a title, an optional line, an error, the content. */
export function AuthCard({
  title,
  subtitle,
  error,
  children,
}: {
  title: string;
  subtitle?: string;
  error?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper maw={440} mx="auto" mt={{ base: 'xs', sm: 'xl' }} p={{ base: 'md', sm: 'xl' }} withBorder radius="md">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" mt={4}>
              {subtitle}
            </Text>
          )}
        </div>
        {error && (
          <Alert color="red" title={t('errors.title')} role="alert">
            {error}
          </Alert>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** The green confirmation a form turns into once it has done its job. */
export function Done({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert color="teal" title={title} role="status">
      {children}
    </Alert>
  );
}
