import { Alert, Badge, Button, Card, Group, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../components/Facts';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../components/Deadline';
import { EligibilityOverride } from './EligibilityOverride';
import { useAddNote, useSetTags, useStaffPanel } from './staff-notes-api';

/**
 * Staff only, on an application: the applicant's contact details, internal notes (author and time)
 * and tags. The applicant and reviewers never receive any of it (their answers do not carry it).
 */
export function StaffNotes({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const panel = useStaffPanel(applicationId);
  const addNote = useAddNote(applicationId);
  const setTags = useSetTags(applicationId);
  const [note, setNote] = useState('');
  const [tags, setTagDraft] = useState<string[]>([]);
  const saved = panel.data?.tags;
  // The draft follows the saved tags each time they change (set while rendering, not in an effect).
  const [shownSaved, setShownSaved] = useState<typeof saved>(undefined);
  if (saved !== shownSaved) {
    setShownSaved(saved);
    if (saved) setTagDraft(saved);
  }
  if (panel.error) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(panel.error, t)}
      </Alert>
    );
  }
  if (!panel.data) return null;
  const { contact, notes } = panel.data;
  const tagsChanged = JSON.stringify([...tags].sort()) !== JSON.stringify(saved);
  return (
    <Card withBorder padding="md" data-testid="staff-notes">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('staffNotes.title')}
        </Title>
        <Badge variant="light" color="gray">
          {t('staffNotes.staffOnly')}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Facts
          rows={[
            [t('staffNotes.email'), contact.email],
            [t('staffNotes.phone'), contact.phone ?? '—'],
            [t('staffNotes.language'), t(`language.${contact.language === 'en' ? 'en' : 'vi'}`)],
          ]}
        />
        <EligibilityOverride applicationId={applicationId} current={panel.data.eligibilityOverride} />
        <Group align="flex-end" gap="xs">
          <TagsInput
            label={t('staffNotes.tags')}
            description={t('staffNotes.tagsHelp')}
            value={tags}
            onChange={(value) => setTagDraft(value.map((v) => v.trim().toLocaleLowerCase('vi').replace(/\s+/g, '-')))}
            maxTags={10}
            style={{ flex: 1 }}
          />
          <Button
            size="sm"
            variant="light"
            disabled={!tagsChanged}
            loading={setTags.isPending}
            onClick={() => setTags.mutate(tags)}
          >
            {t('staffNotes.saveTags')}
          </Button>
        </Group>
        {setTags.error && (
          <Alert color="red" role="alert">
            {problemMessage(setTags.error, t)}
          </Alert>
        )}
        <Textarea
          label={t('staffNotes.newNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {addNote.error && (
          <Alert color="red" role="alert">
            {problemMessage(addNote.error, t)}
          </Alert>
        )}
        <Button
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          disabled={!note.trim()}
          loading={addNote.isPending}
          onClick={() => addNote.mutate(note.trim(), { onSuccess: () => setNote('') })}
        >
          {t('staffNotes.addNote')}
        </Button>
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('staffNotes.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {notes.map((n) => (
              <li key={n.id} data-testid="staff-note">
                <Text size="xs" c="dimmed">
                  {t('staffNotes.by', { name: n.authorName, at: formatProgramTime(n.createdAt, language) })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
