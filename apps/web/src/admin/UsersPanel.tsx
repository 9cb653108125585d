import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, type User } from '../api/client';
import { AdminProblem } from './AdminProblem';
import { ConsentsModal } from './ConsentsModal';
import { Pager } from './AdminPage';
import {
  ADMIN_GRANTED,
  ASSIGNABLE_ROLES,
  type AdminUser,
  type AssignableRole,
  USER_STATUSES,
  type UserQuery,
  type UserStatus,
  useDeactivate,
  useReactivate,
  useResendInvitation,
  useSetRoles,
  useUsers,
} from './api';

const ALL_ROLES: readonly Role[] = ['applicant', 'reviewer', 'mentor', 'fellow', 'staff', 'admin'];
const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', invited: 'blue', deactivated: 'gray' };

/** Accounts: search (diacritics ignored), filter, roles, deactivate / reactivate, resend an invitation. */
export function UsersPanel({ me }: { me: User }) {
  const { t } = useTranslation();
  const isAdmin = me.roles.includes('admin');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [consentsOf, setConsentsOf] = useState<AdminUser | null>(null);
  const [deactivating, setDeactivating] = useState<AdminUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: UserQuery = {
    page,
    pageSize: 25,
    ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
    ...(role ? { role: role as Role } : {}),
    ...(status ? { status: status as UserStatus } : {}),
  };
  const users = useUsers(query);
  const reactivate = useReactivate();
  const resend = useResendInvitation();
  const error = users.error ?? reactivate.error ?? resend.error;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label={t('admin.users.role')}
          clearable
          data={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <Select
          label={t('admin.users.status')}
          clearable
          data={USER_STATUSES.map((s) => ({ value: s, label: t(`admin.status.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </SimpleGrid>
      {!isAdmin && <Text size="sm">{t('admin.users.adminOnly')}</Text>}
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('admin.users.cancel')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      <AdminProblem error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('admin.tabs.users')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.roles')}</Table.Th>
              <Table.Th>{t('admin.users.status')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr key={u.id} data-testid={`user-${u.email}`}>
                <Table.Td>
                  {u.fullName}
                  {u.id === me.id && ` (${t('admin.users.you')})`}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light" color="dark">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[u.status]} variant="outline">
                    {t(`admin.status.${u.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setConsentsOf(u)}>
                      {t('consent.staff.personTitle')}
                    </Button>
                    {isAdmin && (
                      <Button size="compact-sm" variant="default" onClick={() => setEditing(u)}>
                        {t('admin.users.editRoles')}
                      </Button>
                    )}
                    {isAdmin && u.status !== 'deactivated' && u.id !== me.id && (
                      <Button size="compact-sm" variant="default" color="red" onClick={() => setDeactivating(u)}>
                        {t('admin.users.deactivate')}
                      </Button>
                    )}
                    {isAdmin && u.status === 'deactivated' && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={reactivate.isPending && reactivate.variables === u.id}
                        onClick={() => reactivate.mutate(u.id)}
                      >
                        {t('admin.users.reactivate')}
                      </Button>
                    )}
                    {u.status === 'invited' && (isAdmin || !u.roles.some((r) => ADMIN_GRANTED.includes(r))) && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={resend.isPending && resend.variables === u.id}
                        onClick={() => resend.mutate(u.id, { onSuccess: () => setNotice(t('admin.users.resent')) })}
                      >
                        {t('admin.users.resend')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && users.data.items.length === 0 && <Text>{t('admin.users.none')}</Text>}
      {users.data && <Pager page={page} pageCount={users.data.meta.pageCount} onChange={setPage} />}
      {editing && <RolesModal user={editing} me={me} onClose={() => setEditing(null)} />}
      {deactivating && <DeactivateModal user={deactivating} onClose={() => setDeactivating(null)} />}
      {consentsOf && <ConsentsModal user={consentsOf} onClose={() => setConsentsOf(null)} />}
    </Stack>
  );
}

function RolesModal({ user, me, onClose }: { user: AdminUser; me: User; onClose: () => void }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles();
  const [roles, setRolesValue] = useState<string[]>(
    user.roles.filter((r): r is AssignableRole => (ASSIGNABLE_ROLES as readonly string[]).includes(r)),
  );
  const ownAdmin = user.id === me.id;
  return (
    <Modal opened onClose={onClose} title={t('admin.users.rolesTitle', { name: user.fullName })}>
      <Stack gap="sm">
        <Checkbox.Group value={roles} onChange={setRolesValue} label={t('admin.users.roles')}>
          <Stack gap={6} mt={6}>
            {ASSIGNABLE_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} disabled={ownAdmin && r === 'admin'} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm">{ownAdmin ? t('admin.users.ownAdmin') : t('admin.users.rolesHelp')}</Text>
        <AdminProblem error={setRoles.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.users.cancel')}
          </Button>
          <Button
            loading={setRoles.isPending}
            onClick={() => setRoles.mutate({ id: user.id, roles: roles as AssignableRole[] }, { onSuccess: onClose })}
          >
            {t('admin.users.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeactivateModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const deactivate = useDeactivate();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('admin.users.deactivateTitle', { name: user.fullName })}>
      <Stack gap="sm">
        <Text>{t('admin.users.deactivateText')}</Text>
        <Textarea
          label={t('admin.users.reason')}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <AdminProblem error={deactivate.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.users.cancel')}
          </Button>
          <Button
            color="red"
            loading={deactivate.isPending}
            onClick={() =>
              deactivate.mutate({ id: user.id, reason: reason.trim() || undefined }, { onSuccess: onClose })
            }
          >
            {t('admin.users.confirmDeactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
