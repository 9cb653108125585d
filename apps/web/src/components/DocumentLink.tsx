import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../applications/api';

export type DocumentView = ApplicationView['documents'][number];

export function formatSize(bytes: number, language: string): string {
  const format = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / 1024 / 1024)} MB`;
}

export const documentUrl = (applicationId: string, documentId: string) =>
  `/api/v1/applications/${applicationId}/documents/${documentId}`;

/** A document's link: the API answers it as an attachment, so the browser downloads it. */
export function DocumentLink({ applicationId, document }: { applicationId: string; document: DocumentView }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm">
      <Anchor href={documentUrl(applicationId, document.id)} download={document.filename}>
        {document.filename}
      </Anchor>{' '}
      <Text span c="dimmed" size="xs">
        ({formatSize(document.size, i18n.resolvedLanguage ?? 'vi')})
      </Text>
    </Text>
  );
}
