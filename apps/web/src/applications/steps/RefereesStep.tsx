import { Card, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type StepProps, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';

interface RefereeValues {
  name: string;
  email: string;
  relation: string;
}

const blank = (r: RefereeValues) => !r.name.trim() && !r.email.trim() && !r.relation.trim();

export function RefereesStep(props: StepProps) {
  const { t } = useTranslation();
  const saved = props.app.referees;
  const referee = (i: number): RefereeValues => ({
    name: text(saved[i]?.name),
    email: text(saved[i]?.email),
    relation: text(saved[i]?.relation),
  });
  const { form, error, savedAt } = useSectionForm(
    'referees',
    props,
    { referees: [referee(0), referee(1)] },
    // A referee is sent once any of their fields is filled; the API says which field is still wrong.
    (v) => ({
      referees: v.referees
        .filter((r) => !blank(r))
        .map((r) => ({ name: r.name.trim(), email: r.email.trim(), relation: r.relation.trim() })),
    }),
  );
  return (
    <StepFrame
      app={props.app}
      step="referees"
      error={error}
      savedAt={savedAt}
      intro={<Text size="sm">{t('form.referees.intro')}</Text>}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {[0, 1].map((i) => (
          <Card key={i} withBorder padding="md">
            <Title order={3} size="h5" mb="xs">
              {t('form.referees.title', { n: i + 1 })}
            </Title>
            <TextInput label={t('form.referees.name')} mb="xs" {...form.getInputProps(`referees.${i}.name`)} />
            <TextInput
              type="email"
              label={t('form.referees.email')}
              mb="xs"
              {...form.getInputProps(`referees.${i}.email`)}
            />
            <TextInput
              label={t('form.referees.relation')}
              placeholder={t('form.referees.relationPlaceholder')}
              {...form.getInputProps(`referees.${i}.relation`)}
            />
          </Card>
        ))}
      </SimpleGrid>
    </StepFrame>
  );
}
