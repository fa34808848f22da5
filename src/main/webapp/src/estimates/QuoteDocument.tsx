import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { useQuotePdf } from './queries';

/** The 견적서 the customer will get, previewed in the page and downloaded as the PDF. */
export function QuoteDocument({ id, number, revision }: { id: number; number: string; revision: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const pdf = useQuotePdf(id, revision);
  // shown through an object URL of this page: the API's answers may not be framed
  const url = useMemo(() => (pdf.data ? URL.createObjectURL(pdf.data) : undefined), [pdf.data]);
  useEffect(
    () => () => {
      if (url) {
        URL.revokeObjectURL(url);
      }
    },
    [url],
  );
  return (
    <Stack gap="sm" data-testid="quote-document">
      <Title order={3} size="h4">
        {t('pdf.title')}
      </Title>
      <Group>
        <Button variant="light" size="md" onClick={() => setOpen((now) => !now)} disabled={!url}>
          {t(open ? 'pdf.hide' : 'pdf.show')}
        </Button>
        {url && (
          <Anchor href={url} download={`${number}-r${revision}.pdf`} data-testid="pdf-download">
            {t('pdf.download')}
          </Anchor>
        )}
      </Group>
      {open && url && <iframe src={url} title={`${t('pdf.title')} ${number}`} style={{ width: '100%', height: '70vh', border: 0 }} />}
    </Stack>
  );
}
