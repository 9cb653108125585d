import { Alert, Button, Checkbox, Spoiler, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useChangeMyConsent, useNotices } from '../privacy-consent/api';

/**
 * Shown when starting an application was refused for want of the consent to process it (an applicant
 * who did not tick it at registration, or whose consent lapsed with a new notice): the notice, an
 * unticked box, and the start again once they agree — never ticked for them.
 */
export function ApplyConsent({ onGiven }: { onGiven: () => void }) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language.startsWith('vi');
  const notices = useNotices();
  const change = useChangeMyConsent();
  const [agreed, setAgreed] = useState(false);
  const notice = notices.data?.find((n) => n.purpose === 'application');
  return (
    <Alert color="blue" title={t('consent.applyNeededTitle')} data-testid="apply-consent">
      <Stack gap="xs">
        <Text size="sm">{t('consent.applyNeeded')}</Text>
        {notice && (
          <Spoiler
            maxHeight={0}
            showLabel={t('consent.readNotice', { version: notice.version })}
            hideLabel={t('consent.hideNotice')}
          >
            <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
              {vi ? notice.bodyVi : notice.bodyEn}
            </Text>
          </Spoiler>
        )}
        <Checkbox
          label={notice ? (vi ? notice.titleVi : notice.titleEn) : t('consent.give')}
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
          data-testid="apply-consent-checkbox"
        />
        {change.error && (
          <Text c="red" size="sm" role="alert">
            {problemMessage(change.error, t)}
          </Text>
        )}
        <Button
          disabled={!agreed || !notice}
          loading={change.isPending}
          onClick={() => change.mutate({ purpose: 'application', action: 'give' }, { onSuccess: onGiven })}
        >
          {t('consent.applyAgreeAndStart')}
        </Button>
      </Stack>
    </Alert>
  );
}
