import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../components/problems';
import { type Consent, type Notice, useChangeMyConsent, useMyConsents, useNotices } from './api';

const STATE_COLOR: Record<Consent['state'], string> = {
  given: 'green',
  withdrawn: 'gray',
  lapsed: 'orange',
  none: 'gray',
};

/** /settings/privacy — "Privacy / Quyền riêng tư": each purpose, its notice, my consent, give or withdraw. */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const vi = i18n.resolvedLanguage !== 'en';
  const notices = useNotices();
  const mine = useMyConsents();
  const change = useChangeMyConsent();
  const error = notices.error ?? mine.error;
  const when = (at: string | null) =>
    at ? new Date(at).toLocaleString(vi ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/account" size="sm">
        ← {t('nav.account')}
      </Anchor>
      <Title order={1} size="h2">
        {t('consent.title')}
      </Title>
      <Text>{t('consent.intro')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
      {change.error && (
        <Alert color="red" role="alert">
          {problemMessage(change.error, t)}
        </Alert>
      )}
      {(!notices.data || !mine.data) && !error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {notices.data &&
        mine.data &&
        notices.data.map((notice: Notice) => {
          const consent = mine.data.consents.find((c) => c.purpose === notice.purpose)!;
          return (
            <Card key={notice.purpose} withBorder padding="lg" data-testid={`consent-${notice.purpose}`}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Text fw={600}>{vi ? notice.titleVi : notice.titleEn}</Text>
                    <Text size="sm" c="dimmed">
                      {notice.requiredToApply ? t('consent.requiredToApply') : t('consent.optional')}
                    </Text>
                  </div>
                  <Badge color={STATE_COLOR[consent.state]}>{t(`consent.state.${consent.state}`)}</Badge>
                </Group>
                {consent.noticeVersion !== null && (
                  <Text size="sm">
                    {t('consent.recorded', {
                      version: consent.noticeVersion,
                      at: when(consent.at),
                      channel: consent.channel ? t(`consent.channel.${consent.channel}`) : '—',
                    })}
                  </Text>
                )}
                {consent.state === 'lapsed' && (
                  <Alert color="orange">{t('consent.lapsedNote', { version: consent.currentVersion })}</Alert>
                )}
                <Spoiler
                  maxHeight={0}
                  showLabel={t('consent.readNotice', { version: notice.version })}
                  hideLabel={t('consent.hideNotice')}
                >
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {vi ? notice.bodyVi : notice.bodyEn}
                  </Text>
                </Spoiler>
                <Group>
                  {consent.stands ? (
                    <Button
                      variant="default"
                      loading={change.isPending && change.variables?.purpose === notice.purpose}
                      onClick={() => change.mutate({ purpose: notice.purpose, action: 'withdraw' })}
                    >
                      {t('consent.withdraw')}
                    </Button>
                  ) : (
                    <Button
                      loading={change.isPending && change.variables?.purpose === notice.purpose}
                      onClick={() => change.mutate({ purpose: notice.purpose, action: 'give' })}
                    >
                      {t('consent.give')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          );
        })}
    </Stack>
  );
}
