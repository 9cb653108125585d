import { Pagination, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { User } from '../api/client';
import { NotFoundPage } from '../components/NotFoundPage';
import { AuditPanel } from './AuditPanel';
import { EmailsPanel } from './EmailsPanel';
import { InvitationsPanel } from './InvitationsPanel';
import { SystemPanel } from './SystemPanel';
import { UsersPanel } from './UsersPanel';

const TABS = ['users', 'invitations', 'audit', 'emails', 'system'] as const;
type Tab = (typeof TABS)[number];

/** /admin/:tab — the admin console. Staff see what the API lets them (lists, invitations of the committee and mentors). */
export function AdminPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  // Who may open the console is the shell's guard (navigation.ts); an unknown tab is an unknown page.
  if (tab !== undefined && !(TABS as readonly string[]).includes(tab)) return <NotFoundPage />;
  const current: Tab = (tab as Tab | undefined) ?? 'users';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      <Tabs value={current} onChange={(value) => value && void navigate(`/admin/${value}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`admin.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel me={user} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsPanel me={user} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
        <Tabs.Panel value="emails" pt="md">
          <EmailsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="system" pt="md">
          <SystemPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Page links under a paged list. */
export function Pager({
  page,
  pageCount,
  onChange,
}: {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <Pagination
      total={pageCount}
      value={page}
      onChange={onChange}
      mt="sm"
      getControlProps={(control) => ({ 'aria-label': t(control === 'next' ? 'admin.next' : 'admin.previous') })}
      getItemProps={(item) => ({ 'aria-label': t('admin.pageOf', { page: item, count: pageCount }) })}
      withEdges={false}
    />
  );
}
