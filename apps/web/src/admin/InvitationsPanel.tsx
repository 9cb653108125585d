import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, User } from '../api/client';
import { showProblem } from '../components/problems';
import { AdminProblem } from './AdminProblem';
import { Pager } from './AdminPage';
import {
  ADMIN_GRANTED,
  type Invitation,
  type InvitableRole,
  useInvitations,
  useInvite,
  useResendInvitation,
  useRevokeInvitation,
} from './api';

const INVITABLE: readonly InvitableRole[] = ['reviewer', 'mentor', 'staff', 'admin'];

function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** Invite staff, reviewers, mentors and admins; the pending invitations with resend and revoke. */
export function InvitationsPanel({ me }: { me: User }) {
  const { t, i18n } = useTranslation();
  const isAdmin = me.roles.includes('admin');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const invitations = useInvitations(page);
  const resend = useResendInvitation();
  const mayHandle = (roles: readonly string[]) =>
    isAdmin || !roles.some((r) => (ADMIN_GRANTED as readonly string[]).includes(r));
  return (
    <Stack gap="md">
      <InviteForm isAdmin={isAdmin} onSent={(email) => setNotice(t('admin.invitations.sent', { email }))} />
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <Title order={2} size="h3">
        {t('admin.invitations.pending')}
      </Title>
      <AdminProblem error={invitations.error ?? resend.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('admin.invitations.pending')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.roles')}</Table.Th>
              <Table.Th>{t('admin.invitations.sentAt')}</Table.Th>
              <Table.Th>{t('admin.invitations.expiresAt')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data?.items.map((inv) => (
              <Table.Tr key={inv.userId} data-testid={`invitation-${inv.email}`}>
                <Table.Td>{inv.fullName}</Table.Td>
                <Table.Td>{inv.email}</Table.Td>
                <Table.Td>{inv.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                <Table.Td>{formatTime(inv.sentAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {formatTime(inv.expiresAt, i18n.language)}
                    {inv.state === 'expired' && (
                      <Badge color="orange" variant="outline">
                        {t('admin.invitations.state.expired')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {mayHandle(inv.roles) && (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={resend.isPending && resend.variables === inv.userId}
                        onClick={() =>
                          resend.mutate(inv.userId, { onSuccess: () => setNotice(t('admin.users.resent')) })
                        }
                      >
                        {t('admin.invitations.resend')}
                      </Button>
                      <Button size="compact-sm" variant="default" color="red" onClick={() => setRevoking(inv)}>
                        {t('admin.invitations.revoke')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invitations.data && invitations.data.items.length === 0 && <Text>{t('admin.invitations.none')}</Text>}
      {invitations.data && <Pager page={page} pageCount={invitations.data.meta.pageCount} onChange={setPage} />}
      {revoking && <RevokeModal invitation={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function InviteForm({ isAdmin, onSent }: { isAdmin: boolean; onSent: (email: string) => void }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ fullName: string; email: string; roles: string[]; language: Language }>({
    initialValues: { fullName: '', email: '', roles: [], language: 'vi' },
    validate: {
      fullName: (v) => (v.trim() ? null : t('admin.invitations.required')),
      email: (v) => (v.trim() ? null : t('admin.invitations.required')),
      roles: (v) => (v.length ? null : t('admin.invitations.rolesRequired')),
    },
  });
  const submit = form.onSubmit((values) => {
    setProblem(null);
    invite.mutate(
      {
        ...values,
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        roles: values.roles as InvitableRole[],
      },
      {
        onSuccess: () => {
          onSent(values.email.trim());
          form.reset();
        },
        onError: (error) => setProblem(showProblem(form, error, t)),
      },
    );
  });
  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('admin.invitations.invite')}
    >
      <Title order={2} size="h3" mb="sm">
        {t('admin.invitations.invite')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('admin.invitations.fullName')} required {...form.getInputProps('fullName')} />
        <TextInput label={t('admin.invitations.email')} type="email" required {...form.getInputProps('email')} />
        <Checkbox.Group label={t('admin.invitations.roles')} required {...form.getInputProps('roles')}>
          <Group gap="md" mt={6}>
            {INVITABLE.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} disabled={!isAdmin && ADMIN_GRANTED.includes(r)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('admin.invitations.language')}
          data={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('language')}
        />
      </SimpleGrid>
      {!isAdmin && (
        <Text size="sm" mt="xs">
          {t('admin.invitations.adminRolesHint')}
        </Text>
      )}
      {problem && (
        <Alert color="red" role="alert" mt="sm">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={invite.isPending}>
          {t('admin.invitations.send')}
        </Button>
      </Group>
    </Card>
  );
}

function RevokeModal({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation();
  return (
    <Modal opened onClose={onClose} title={t('admin.invitations.revokeTitle', { name: invitation.fullName })}>
      <Stack gap="sm">
        <Text>{t('admin.invitations.revokeText')}</Text>
        <AdminProblem error={revoke.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.users.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(invitation.userId, { onSuccess: onClose })}
          >
            {t('admin.invitations.confirmRevoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
