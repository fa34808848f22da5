import { Alert, Button, Group, Paper, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, type Schemas } from '../api/http';
import { useI18n } from '../i18n/I18n';
import { useEstimateStep, type Step } from './queries';

/** What the salesperson can do with the estimate in its present status; the server decides whether it may. */
export function EstimateActions({ estimate }: { estimate: Schemas['EstimateResponse'] }) {
  const { t } = useI18n();
  const step = useEstimateStep(estimate.id);
  const refused = step.error instanceof ApiError ? step.error.problem : null;
  const run = (next: Step) => step.mutate(next);
  return (
    <Stack gap="xs">
      {refused && (
        <Alert color="red" role="alert" title={t('action.refused')} data-testid="step-refused">
          {refused.detail ?? refused.title}
        </Alert>
      )}
      <Group>
        {(estimate.status === 'DRAFT' || estimate.status === 'CHANGES_REQUESTED') && (
          <Button size="md" loading={step.isPending} onClick={() => run({ step: 'submit' })}>
            {t('action.submit')}
          </Button>
        )}
        {estimate.status === 'SUBMITTED' && (
          <Button size="md" variant="light" loading={step.isPending} onClick={() => run({ step: 'withdraw' })}>
            {t('action.withdraw')}
          </Button>
        )}
        {estimate.status === 'APPROVED' && (
          <Button size="md" loading={step.isPending} onClick={() => run({ step: 'send' })}>
            {t('action.send')}
          </Button>
        )}
      </Group>
      {estimate.status === 'SENT' && <Outcome pending={step.isPending} record={run} />}
    </Stack>
  );
}

function Outcome({ pending, record }: { pending: boolean; record: (step: Step) => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'WON' | 'LOST'>('WON');
  const [reason, setReason] = useState('');
  const missingReason = outcome === 'LOST' && reason.trim() === '';
  return (
    <Paper withBorder p="sm" maw={480}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record({ step: 'outcome', outcome, reason: reason.trim() || undefined });
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('action.outcome')}
            value={outcome}
            onChange={(value) => setOutcome(value as 'WON' | 'LOST')}
            data={[
              { value: 'WON', label: t('action.won') },
              { value: 'LOST', label: t('action.lost') },
            ]}
            size="md"
          />
          <TextInput
            label={t(outcome === 'LOST' ? 'action.reasonLost' : 'action.reason')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            size="md"
          />
          <Group>
            <Button type="submit" size="md" loading={pending} disabled={missingReason}>
              {t('action.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
