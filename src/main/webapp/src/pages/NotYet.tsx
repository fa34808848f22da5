import { Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';

/** A page that is routed, titled and reachable by deep link, whose content arrives in a later step of issue 21. */
export function NotYet({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2}>{t(title)}</Title>
      <Text>{t('page.notYet')}</Text>
    </Stack>
  );
}
