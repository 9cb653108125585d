import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Hub } from './api';

const TESTS = ['IELTS', 'TOEFL', 'TOEIC', 'JLPT', 'TOPIK', 'OTHER'] as const;

/** The hubs of a form holding `hubs`: each with capacity, minimum, time zone and language rule. */
export function HubsFields<V extends { hubs: Hub[] }>({
  form,
  readOnly = false,
}: {
  form: UseFormReturnType<V>;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const f = form as unknown as UseFormReturnType<{ hubs: Hub[] }>;
  const hubs = f.getValues().hubs;
  return (
    <Stack gap="sm">
      {f.errors.hubs && (
        <Text c="red" size="sm" role="alert">
          {f.errors.hubs}
        </Text>
      )}
      {hubs.map((hub, i) => (
        <Card key={f.key(`hubs.${i}`)} withBorder padding="sm" data-testid={`hub-${i}`}>
          <SimpleGrid cols={{ base: 2, sm: 7 }} spacing="xs">
            <TextInput label={t('cohorts.hubCode')} readOnly={readOnly} {...f.getInputProps(`hubs.${i}.code`)} />
            <TextInput label={t('cohorts.hubName')} readOnly={readOnly} {...f.getInputProps(`hubs.${i}.name`)} />
            <TextInput label={t('cohorts.hubNameVi')} readOnly={readOnly} {...f.getInputProps(`hubs.${i}.nameVi`)} />
            <TextInput label={t('cohorts.hubCity')} readOnly={readOnly} {...f.getInputProps(`hubs.${i}.city`)} />
            <NumberInput
              label={t('cohorts.hubCapacity')}
              readOnly={readOnly}
              {...f.getInputProps(`hubs.${i}.capacity`)}
            />
            <NumberInput
              label={t('cohorts.hubMinimum')}
              readOnly={readOnly}
              {...f.getInputProps(`hubs.${i}.minimumFellows`)}
            />
            <TextInput
              label={t('cohorts.hubTimeZone')}
              readOnly={readOnly}
              {...f.getInputProps(`hubs.${i}.timeZone`)}
            />
          </SimpleGrid>
          <Text size="sm" fw={500} mt="xs">
            {t('cohorts.hubLanguages')}
          </Text>
          {(hub.languageRequirements ?? []).map((_, j) => (
            <Group key={f.key(`hubs.${i}.languageRequirements.${j}`)} gap="xs" align="flex-end">
              <Select
                label={t('cohorts.languageTest')}
                data={[...TESTS]}
                readOnly={readOnly}
                allowDeselect={false}
                {...f.getInputProps(`hubs.${i}.languageRequirements.${j}.test`)}
              />
              <TextInput
                label={t('cohorts.languageMinimum')}
                readOnly={readOnly}
                {...f.getInputProps(`hubs.${i}.languageRequirements.${j}.minimum`)}
              />
              {!readOnly && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => f.removeListItem(`hubs.${i}.languageRequirements`, j)}
                >
                  {t('cohorts.removeLanguage')}
                </Button>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Group mt="xs" justify="space-between">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => f.insertListItem(`hubs.${i}.languageRequirements`, { test: 'IELTS', minimum: '6.5' })}
              >
                {t('cohorts.addLanguage')}
              </Button>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('cohorts.removeHub', { code: hub.code || i + 1 })}
                onClick={() => f.removeListItem('hubs', i)}
              >
                ×
              </ActionIcon>
            </Group>
          )}
        </Card>
      ))}
      {!readOnly && (
        <Button
          variant="default"
          onClick={() =>
            f.insertListItem('hubs', {
              code: '',
              name: '',
              nameVi: '',
              city: '',
              capacity: 10,
              minimumFellows: 0,
              timeZone: 'UTC',
              languageRequirements: [],
            })
          }
        >
          {t('cohorts.addHub')}
        </Button>
      )}
    </Stack>
  );
}
