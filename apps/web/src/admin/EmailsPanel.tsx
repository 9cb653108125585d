import { Alert, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/client';
import { problemMessage } from '../components/problems';
import { useEmailPreview, useEmailTemplates } from './api';

/** Every email template rendered with example data, in either language; the HTML in a sandboxed frame. */
export function EmailsPanel() {
  const { t } = useTranslation();
  const templates = useEmailTemplates();
  const [name, setName] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>('vi');
  const preview = useEmailPreview(name, language);
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('admin.emails.template')}
          searchable
          data={templates.data?.templates ?? []}
          value={name}
          onChange={setName}
          w={320}
        />
        <div>
          <Text size="sm" fw={500} id="email-language-label">
            {t('admin.emails.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="email-language-label"
            value={language}
            onChange={(v) => setLanguage(v)}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
      </Group>
      {(templates.error ?? preview.error) && (
        <Alert color="red" role="alert">
          {problemMessage(templates.error ?? preview.error, t)}
        </Alert>
      )}
      {!name && <Text>{t('admin.emails.pick')}</Text>}
      {preview.data && name && (
        <Card withBorder padding="md">
          <Text size="sm">
            {t('admin.emails.subject')}: <strong data-testid="email-subject">{preview.data.subject}</strong>
          </Text>
          {/* No scripts, no same origin: the rendered HTML cannot reach the console or its session. */}
          <iframe
            title={t('admin.emails.preview', { name })}
            sandbox=""
            srcDoc={preview.data.html}
            style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)', marginTop: 8 }}
          />
        </Card>
      )}
    </Stack>
  );
}
