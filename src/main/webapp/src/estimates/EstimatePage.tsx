import { Alert, Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { day } from '../format/dates';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { fromEstimate, toRequest } from './draft';
import { ApprovalTimeline } from './ApprovalTimeline';
import { EstimateActions } from './EstimateActions';
import { SaveAsTemplate } from './SaveAsTemplate';
import { PriceBreakdown } from './PriceBreakdown';
import { QuoteDocument } from './QuoteDocument';
import { RevisionList } from './RevisionList';
import { WinScore } from './WinScore';
import { useEstimate, useReviseEstimate } from './queries';
import { StatusBadge } from './StatusBadge';

const EDITABLE = new Set(['DRAFT', 'CHANGES_REQUESTED']);

/** One estimate: /estimates/{id} (also by number, EST-2026-000042), as the salesperson and the approver see it. */
export function EstimatePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const estimate = useEstimate(id);
  const revise = useReviseEstimate(id);
  if (!estimate.data) {
    if (estimate.isError) {
      return (
        <Text role="alert">
          {estimate.error instanceof ApiError && estimate.error.problem.status === 404 ? t('page.notFound') : estimate.error.message}
        </Text>
      );
    }
    return (
      <Center mih="30vh">
        <Loader role="status" aria-label={t('page.loading')} />
      </Center>
    );
  }
  const current = estimate.data;
  const editable = EDITABLE.has(current.status);
  const repriceRefused = revise.error instanceof ApiError ? revise.error.problem : null;
  return (
    <Stack>
      <Anchor component={Link} to="/estimates" size="sm">
        ← {t('estimate.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="estimate-number">
              {current.number}
            </Title>
            <StatusBadge status={current.status} />
          </Group>
          <Text>{current.customer.name}</Text>
        </Stack>
        {editable && (
          <Button component={Link} to={`/estimates/${current.id}/edit`} variant="light" size="md">
            {t('estimate.edit')}
          </Button>
        )}
      </Group>
      {current.pricesStale && editable && (
        <Alert color="orange.9" variant="light" data-testid="stale-prices">
          <Stack gap="xs">
            <Text size="sm">{t('estimate.stale')}</Text>
            {repriceRefused && <Text size="sm" c="red.9">{repriceRefused.detail ?? repriceRefused.title}</Text>}
            <Group>
              <Button
                size="md"
                loading={revise.isPending}
                onClick={() => revise.mutate({ body: toRequest(fromEstimate(current)), version: current.version })}
              >
                {t('estimate.reprice')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label="estimate.revision" value={`${current.revision}`} />
        <Fact label="estimate.owner" value={current.owner} />
        <Fact label="estimate.created" value={day(current.createdAt)} />
        <Fact label="estimate.validUntil" value={current.validUntil ?? '—'} />
      </SimpleGrid>
      <EstimateActions estimate={current} />
      <Paper withBorder p="md">
        <PriceBreakdown priced={current} />
      </Paper>
      {current.note && <Text size="sm">{current.note}</Text>}
      <SaveAsTemplate estimate={current} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <ApprovalTimeline estimate={current} />
        </Paper>
        <Stack>
          <Paper withBorder p="md">
            <WinScore id={current.id} />
          </Paper>
          <Paper withBorder p="md">
            <QuoteDocument id={current.id} number={current.number} revision={current.revision} />
          </Paper>
        </Stack>
      </SimpleGrid>
      <Paper withBorder p="md">
        <RevisionList id={current.id} />
      </Paper>
    </Stack>
  );
}

function Fact({ label, value }: { label: MessageKey; value: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">
        {t(label)}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
