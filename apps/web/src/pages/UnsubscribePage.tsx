import { Anchor, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { AuthCard, Done } from '../components/AuthCard';
import { problemMessage } from '../components/problems';

/**
 * The unsubscribe link of an optional email lands here (through the API's GET, which changes nothing).
 * Only the button unsubscribes: it sends the same one-click POST (RFC 8058) a mail client sends.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/notifications/unsubscribe', {
          params: { query: { token } },
          body: { 'List-Unsubscribe': 'One-Click' },
          bodySerializer: (body) => new URLSearchParams(body).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      ),
  });

  const error = !token ? t('errors.missingToken') : unsubscribe.isError ? problemMessage(unsubscribe.error, t) : null;
  return (
    <AuthCard title={t('unsubscribe.title')} error={error}>
      {unsubscribe.isSuccess ? (
        <Done title={t('unsubscribe.doneTitle')}>{t('unsubscribe.done')}</Done>
      ) : (
        <>
          <Text>{t('unsubscribe.explain')}</Text>
          <Button
            fullWidth
            size="md"
            disabled={!token}
            loading={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate()}
          >
            {t('unsubscribe.confirm')}
          </Button>
        </>
      )}
      <Anchor component={Link} to="/settings/notifications" ta="center" size="sm">
        {t('unsubscribe.settings')}
      </Anchor>
    </AuthCard>
  );
}
