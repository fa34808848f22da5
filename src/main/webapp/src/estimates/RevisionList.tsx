import { Stack, Table, Text, Title } from '@mantine/core';
import { day } from '../format/dates';
import { won } from '../format/money';
import { useI18n } from '../i18n/I18n';
import { useRevisions } from './queries';
import { ScrollableTable } from '../components/ScrollableTable';

/** Every revision and what changed from the one before, field by field, as the API's diff names them. */
export function RevisionList({ id }: { id: number }) {
  const { t } = useI18n();
  const revisions = useRevisions(id);
  if (!revisions.data) {
    return null;
  }
  return (
    <Stack gap="sm" data-testid="revisions">
      <Title order={3} size="h4">
        {t('revisions.title')}
      </Title>
      {[...revisions.data.revisions].reverse().map((revision) => (
        <Stack key={revision.revision} gap={4}>
          <Text size="sm" fw={600}>
            {t('estimate.revision')} {revision.revision} · {revision.createdBy} · {day(revision.createdAt)} ·{' '}
            {won(revision.total)} · {revision.lines} {t('revisions.lines')}
          </Text>
          {revision.changes.length === 0 ? (
            <Text size="sm">{t('revisions.first')}</Text>
          ) : (
            <ScrollableTable minWidth={360}>
              <Table fz="sm" withTableBorder data-testid={`changes-${revision.revision}`}>
                <Table.Tbody>
                  {revision.changes.map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Td>{change.field}</Table.Td>
                      <Table.Td>{shown(change.from)}</Table.Td>
                      <Table.Td>→ {shown(change.to)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
