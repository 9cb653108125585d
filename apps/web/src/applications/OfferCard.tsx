import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OfferView, useAnswerOffer, useMyOffers } from '../committee/api';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../components/Deadline';

const COLORS: Record<OfferView['status'], string> = {
  pending: 'teal',
  accepted: 'green',
  declined: 'orange',
  expired: 'gray',
};

/** The offer of a place: its deadline in Vietnam time, and accept or decline, each confirmed first. */
function Offer({ offer }: { offer: OfferView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const [asking, setAsking] = useState<'accept' | 'decline' | null>(null);
  const answer = useAnswerOffer();
  const [shownAt] = useState(Date.now);
  const pending = offer.status === 'pending' && Date.parse(offer.expiresAt) > shownAt;
  return (
    <Card
      withBorder
      padding="lg"
      data-testid="offer"
      style={{ borderColor: pending ? 'var(--mantine-color-teal-5)' : undefined }}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4">
          {t('offer.title', { cohort: offer.cohortName })}
        </Title>
        <Badge color={COLORS[offer.status]} variant="light" data-testid="offer-status">
          {t(`offer.status.${offer.status}`)}
        </Badge>
      </Group>
      {offer.status === 'pending' && (
        <>
          <Text size="sm">{t('offer.body')}</Text>
          <Text size="sm" fw={600} mt="xs" data-testid="offer-deadline">
            {t('offer.deadline', { when: formatProgramTime(offer.expiresAt, language) })}
          </Text>
        </>
      )}
      {offer.status === 'accepted' && offer.respondedAt && (
        <Text size="sm">{t('offer.acceptedAt', { when: formatProgramTime(offer.respondedAt, language) })}</Text>
      )}
      {offer.status === 'declined' && offer.respondedAt && (
        <Text size="sm">{t('offer.declinedAt', { when: formatProgramTime(offer.respondedAt, language) })}</Text>
      )}
      {offer.status === 'expired' && <Text size="sm">{t('offer.expired')}</Text>}
      {answer.error && (
        <Alert color="red" role="alert" mt="sm">
          {problemMessage(answer.error, t)}
        </Alert>
      )}
      {pending && (
        <Group mt="md" gap="sm">
          <Button color="teal" onClick={() => setAsking('accept')}>
            {t('offer.accept')}
          </Button>
          <Button variant="outline" color="red" onClick={() => setAsking('decline')}>
            {t('offer.decline')}
          </Button>
        </Group>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'decline' ? t('offer.declineTitle') : t('offer.acceptTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{asking === 'decline' ? t('offer.declineWarning') : t('offer.acceptWarning')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('offer.notYet')}
            </Button>
            <Button
              color={asking === 'decline' ? 'red' : 'teal'}
              loading={answer.isPending}
              onClick={() =>
                asking && answer.mutate({ id: offer.id, answer: asking }, { onSettled: () => setAsking(null) })
              }
            >
              {asking === 'decline' ? t('offer.confirmDecline') : t('offer.confirmAccept')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The applicant's offers for this application (none before the committee confirms a selection). */
export function OfferCard({ applicationId }: { applicationId: string }) {
  const offers = useMyOffers();
  const mine = (offers.data ?? []).filter((o) => o.applicationId === applicationId);
  // The latest offer is the one that counts (a waitlisted applicant may get one after a decline).
  const latest = [...mine].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return latest ? <Offer offer={latest} /> : null;
}
