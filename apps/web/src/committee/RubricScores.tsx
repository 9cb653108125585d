import { Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { type Criterion, LEVELS, type LocalText, type Scores } from './api';

export const localText = (text: LocalText | undefined): string => (text ? text[currentLanguage()] : '');

/**
 * One 1–5 choice per criterion: a radio group named by the criterion's title, the anchor descriptions
 * under it (what a 1, a 3, a 5 mean) in the UI's language. Used for reviews and for interview scores.
 */
export function RubricScores({
  criteria,
  scores,
  onChange,
  readOnly = false,
  errors = {},
}: {
  criteria: Criterion[];
  scores: Scores;
  onChange: (code: string, score: number) => void;
  readOnly?: boolean;
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {criteria.map((criterion) => (
        <Paper key={criterion.code} withBorder p="sm" radius="md" data-testid={`criterion-${criterion.code}`}>
          <Radio.Group
            label={localText(criterion.title)}
            description={t('review.weight', { weight: criterion.weight })}
            value={scores[criterion.code] ? String(scores[criterion.code]) : ''}
            onChange={(value) => onChange(criterion.code, Number(value))}
            readOnly={readOnly}
            error={errors[criterion.code]}
          >
            <Group gap="md" mt={6} wrap="wrap">
              {LEVELS.map((level) => (
                <Radio key={level} value={level} label={level} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
          <Stack gap={2} mt={6}>
            {LEVELS.filter((level) => criterion.anchors[level]).map((level) => (
              <Text key={level} size="xs" c="dimmed">
                <Text span fw={700} size="xs">
                  {level}
                </Text>{' '}
                — {localText(criterion.anchors[level])}
              </Text>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
