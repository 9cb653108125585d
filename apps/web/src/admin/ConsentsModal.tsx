import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useChangeConsentOnBehalf, useNotices, usePersonConsents } from '../privacy-consent/api';

/** Staff look at a person's consents (and their history) and record one given or withdrawn another way. */
export function ConsentsModal({ user, onClose }: { user: { id: string; fullName: string }; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const vi = i18n.resolvedLanguage !== 'en';
  const person = usePersonConsents(user.id);
  const notices = useNotices();
  const change = useChangeConsentOnBehalf(user.id);
  const [reason, setReason] = useState('');
  const title = (purpose: string) => {
    const n = notices.data?.find((x) => x.purpose === purpose);
    return (vi ? n?.titleVi : n?.titleEn) ?? '';
  };
  const when = (at: string | null) =>
    at ? new Date(at).toLocaleString(vi ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';
  return (
    <Modal opened onClose={onClose} size="xl" title={`${t('consent.staff.personTitle')} — ${user.fullName}`}>
      <Stack gap="sm" data-testid="person-consents">
        {(person.error ?? change.error) && (
          <Alert color="red" role="alert">
            {problemMessage((person.error ?? change.error)!, t)}
          </Alert>
        )}
        {!person.data && !person.error && <Loader aria-label={t('app.loading')} />}
        {person.data && (
          <>
            <TextInput
              label={t('consent.staff.onBehalfReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Table withTableBorder>
              <Table.Tbody>
                {person.data.consents.map((c) => (
                  <Table.Tr key={c.purpose}>
                    <Table.Td>{title(c.purpose)}</Table.Td>
                    <Table.Td>
                      <Badge color={c.stands ? 'green' : 'gray'}>{t(`consent.state.${c.state}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.noticeVersion !== null &&
                        t('consent.recorded', {
                          version: c.noticeVersion,
                          at: when(c.at),
                          channel: c.channel ? t(`consent.channel.${c.channel}`) : '—',
                        })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={change.isPending && change.variables?.purpose === c.purpose}
                          onClick={() =>
                            change.mutate({ purpose: c.purpose, action: c.stands ? 'withdraw' : 'give', reason })
                          }
                        >
                          {c.stands ? t('consent.withdraw') : t('consent.give')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text fw={600}>{t('consent.staff.history')}</Text>
            <Table withTableBorder>
              <Table.Tbody>
                {person.data.history.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{when(e.recordedAt)}</Table.Td>
                    <Table.Td>{title(e.purpose)}</Table.Td>
                    <Table.Td>
                      {e.action === 'given' ? t('consent.state.given') : t('consent.state.withdrawn')}
                    </Table.Td>
                    <Table.Td>
                      v{e.noticeVersion} · {t(`consent.channel.${e.channel}`)} · {e.recorderName ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Modal>
  );
}
