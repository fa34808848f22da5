import { Badge, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { Schemas } from '../api/http';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { useApprovals, useRevisions, useWaitingApprovals } from './queries';
import { ScrollableTable } from '../components/ScrollableTable';

const moment = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' });
const at = (instant: string | null | undefined) => (instant ? moment.format(new Date(instant)) : '—');

/**
 * The approval as it stands: the levels waiting now (which group, since and due when, overdue or not), every
 * decision with its comment, and the estimate's history of changes and status moves.
 */
export function ApprovalTimeline({ estimate }: { estimate: Schemas['EstimateResponse'] }) {
  const { t } = useI18n();
  const waiting = useWaitingApprovals(estimate.id, estimate.status === 'SUBMITTED');
  const approvals = useApprovals(estimate.id);
  const revisions = useRevisions(estimate.id);
  const decided = approvals.data ?? [];
  return (
    <Stack gap="md" data-testid="approval">
      <Title order={3} size="h4">
        {t('approval.title')}
      </Title>
      {estimate.status === 'SUBMITTED' && (waiting.data ?? []).length > 0 && (
        <Stack gap="xs" data-testid="approval-waiting">
          <Text fw={600} size="sm">
            {t('approval.waiting')}
          </Text>
          {waiting.data!.map((level) => (
            <Group key={`${level.level}-${level.group}`} gap="sm">
              <Badge variant="outline" color="blue.9">
                {t('approval.level')} {level.level}
              </Badge>
              <Text size="sm">{level.group}</Text>
              <Text size="sm">
                {t('approval.since')} {at(level.since)} · {t('approval.due')} {at(level.due)}
              </Text>
              {level.overdue && (
                <Badge color="red.9" data-testid="overdue">
                  {t('approval.overdue')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {decided.length === 0 && estimate.status !== 'SUBMITTED' && <Text size="sm">{t('approval.none')}</Text>}
      {decided.length > 0 && (
        <ScrollableTable minWidth={480}>
          <Table fz="sm" data-testid="approval-decisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('approval.level')}</Table.Th>
                <Table.Th>{t('approval.decisions')}</Table.Th>
                <Table.Th>{t('approval.approver')}</Table.Th>
                <Table.Th>{t('approval.comment')}</Table.Th>
                <Table.Th>{t('approval.decidedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decided.map((decision) => (
                <Table.Tr key={decision.taskId}>
                  <Table.Td>
                    {decision.level} · {decision.group}
                  </Table.Td>
                  <Table.Td>{decisionLabel(t, decision.decision)}</Table.Td>
                  <Table.Td>{decision.approver}</Table.Td>
                  <Table.Td>{decision.comment}</Table.Td>
                  <Table.Td>{at(decision.decidedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
      {revisions.data && (
        <>
          <Title order={3} size="h4">
            {t('history.title')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} data-testid="history" aria-busy={revisions.isFetching}>
            {revisions.data.history.map((event, index) => (
              <Timeline.Item key={index} title={historyLabel(t, event)}>
                <Text size="xs" c="gray.7">
                  {event.actor} · {at(event.at)}
                </Text>
                {event.detail && <Text size="sm">{event.detail}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}

function decisionLabel(t: (key: MessageKey) => string, decision: string) {
  const key = `decision.${decision}`;
  return key === 'decision.APPROVE' || key === 'decision.REJECT' || key === 'decision.REQUEST_CHANGES' ? t(key) : decision;
}

function historyLabel(t: (key: MessageKey) => string, event: Schemas['Event']) {
  const action = t(`history.${event.action}`);
  return event.action === 'STATUS_CHANGED' ? `${action}: ${t(`status.${event.toStatus}`)}` : action;
}
