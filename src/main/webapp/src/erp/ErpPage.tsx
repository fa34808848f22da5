import {
  Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Table, Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, client, ok, type Schemas } from '../api/http';
import { uploadFile } from '../api/upload';
import { minute } from '../format/dates';
import { useI18n } from '../i18n/I18n';
import { fill, isMessageKey } from '../i18n/messages';
import { ScrollableTable } from '../components/ScrollableTable';

type ImportState = Schemas['ImportStatus']['state'];
type ImportAccepted = Schemas['ImportAccepted'];
const SOURCES = ['products', 'customers', 'prices'] as const;

// dark shades: white text on them keeps WCAG's 4.5:1 (axe)
const STATE_COLORS: Record<ImportState, string> = {
  RUNNING: 'blue.9',
  REVIEW: '#a8410d',
  COMPLETED: '#1f6e30',
  FAILED: 'red.9',
};

interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deactivated: number;
}

function counts(text: string, { inserted, updated, unchanged, rejected, deactivated }: Counts) {
  return fill(text, { inserted, updated, unchanged, rejected, deactivated });
}

function StateBadge({ state }: { state: ImportState }) {
  const { t } = useI18n();
  return (
    <Badge color={STATE_COLORS[state]} variant="filled" data-testid="import-state">
      {t(`import.${state}`)}
    </Badge>
  );
}

/** GET /api/v1/erp/sync, read again every few seconds while an import runs. */
function useSync() {
  return useQuery({
    queryKey: ['erp-sync'],
    queryFn: () => ok(client.GET('/api/v1/erp/sync')),
    refetchInterval: (query) =>
      query.state.data?.sources?.some((source) => source.runningImport || source.lastRun?.state === 'RUNNING') ? 2000 : 30_000,
  });
}

/** One import with its rejected rows, read again every second until it has finished or waits for review. */
function useImport(importId: string | null) {
  return useQuery({
    queryKey: ['erp-import', importId],
    queryFn: () => ok(client.GET('/api/v1/erp/sync/{importId}', { params: { path: { importId: importId! } } })),
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'RUNNING' || !query.state.data ? 1000 : false),
  });
}

/**
 * Operations' view of the ERP exchange: each source's last import with its counts, the next scheduled pull, the
 * outbound feed; an export file imported with its progress, and the rows the import refused with their reasons.
 */
export function ErpPage() {
  const { t } = useI18n();
  const sync = useSync();
  const [shown, setShown] = useState<string | null>(null);
  const refused = sync.error instanceof ApiError ? sync.error.problem : null;

  if (sync.isPending) {
    // the page's title comes with the answer: an operator's page, or why this user may not see it
    return <Loader role="status" aria-label={t('page.loading')} />;
  }
  return (
    <Stack>
      <Title order={2}>{t('nav.erp')}</Title>
      {refused?.status === 403 ? (
        <Alert color="red" role="alert">{t('erp.notAllowed')}</Alert>
      ) : (
        <>
          <Text>{t('erp.intro')}</Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {SOURCES.map((name) => {
              const source = sync.data?.sources?.find((candidate) => candidate.source === name);
              return (
                <Paper key={name} withBorder p="sm" data-testid="erp-source" data-source={name}>
                  <Stack gap={6}>
                    <Group justify="space-between">
                      <Title order={3} size="h5">{t(`erp.source.${name}`)}</Title>
                      {source?.lastRun && <StateBadge state={source.lastRun.state} />}
                    </Group>
                    {source?.lastRun ? (
                      <>
                        <Text size="sm">
                          {t('erp.lastRun')}: {minute(source.lastRun.finishedAt ?? source.lastRun.startedAt)}
                          {' · '}{source.lastRun.fileName ?? source.lastRun.channel}
                        </Text>
                        <Text size="sm" data-testid="erp-counts">{counts(t('erp.counts'), source.lastRun)}</Text>
                        {source.lastRun.rejected > 0 && (
                          <Anchor component="button" type="button" size="sm"
                            onClick={() => setShown(source.lastRun!.importId)}>
                            {t('erp.showRejected')}
                          </Anchor>
                        )}
                      </>
                    ) : (
                      <Text size="sm">{t('erp.never')}</Text>
                    )}
                    {source?.runningImport && <Text size="sm">{t('erp.running')}</Text>}
                    {source?.nextScheduledRun && (
                      <Text size="sm">{t('erp.nextPull')}: {minute(source.nextScheduledRun)}</Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
          {sync.data?.outbound && (
            <Text size="sm" data-testid="erp-outbound">
              {t('erp.outbound')}:{' '}
              {Object.entries(sync.data.outbound)
                .map(([state, count]) => {
                  const key = `erp.outbound.${state}`;
                  return `${isMessageKey(key) ? t(key) : state} ${count}`;
                })
                .join(' · ')}
            </Text>
          )}
          <ImportForm onStarted={setShown} />
          {shown && <ImportResult importId={shown} />}
        </>
      )}
    </Stack>
  );
}

function ImportForm({ onStarted }: { onStarted: (importId: string) => void }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [type, setType] = useState<string>('products');
  const [encoding, setEncoding] = useState<string>('auto');
  const [fullSnapshot, setFullSnapshot] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const start = useMutation({
    mutationFn: (chosen: File) => {
      setProgress(0);
      const query = new URLSearchParams({ type, encoding, fullSnapshot: String(fullSnapshot) });
      return uploadFile<ImportAccepted>(`/api/v1/erp/import?${query}`, chosen, setProgress);
    },
    onSuccess: (accepted) => {
      onStarted(accepted.importId);
      return queries.invalidateQueries({ queryKey: ['erp-sync'] });
    },
    onSettled: () => setProgress(null),
  });
  const refused = start.error instanceof ApiError ? start.error.problem : null;
  return (
    <Paper withBorder p="sm">
      <form onSubmit={(event) => { event.preventDefault(); if (file) start.mutate(file); }}>
        <Stack>
          <Title order={3} size="h4">{t('erp.import')}</Title>
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('erp.type')} value={type} onChange={(value) => setType(value ?? 'products')} allowDeselect={false}
              data={SOURCES.map((source) => ({ value: source, label: t(`erp.source.${source}`) }))} size="md" miw={160} />
            <Select label={t('erp.encoding')} value={encoding} onChange={(value) => setEncoding(value ?? 'auto')}
              allowDeselect={false} size="md" miw={160}
              data={[{ value: 'auto', label: t('erp.encoding.auto') }, { value: 'UTF-8', label: 'UTF-8' },
                { value: 'CP949', label: 'CP949 (EUC-KR)' }]} />
          </Group>
          <FileInput label={t('erp.file')} value={file} onChange={setFile} accept=".csv,.xlsx,text/csv" size="md"
            data-testid="erp-file" />
          <Checkbox label={t('erp.fullSnapshot')} checked={fullSnapshot} onChange={(event) => setFullSnapshot(event.currentTarget.checked)} />
          {progress !== null && <Progress value={progress} aria-label={t('rfq.uploading')} />}
          {refused && (
            <Alert color="red" role="alert" data-testid="import-refused">{refused.detail ?? refused.title}</Alert>
          )}
          <Group>
            <Button type="submit" size="md" disabled={!file} loading={start.isPending}>{t('erp.start')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ImportResult({ importId }: { importId: string }) {
  const { t } = useI18n();
  const run = useImport(importId);
  const queries = useQueryClient();
  const state = run.data?.state;
  useEffect(() => {
    if (state && state !== 'RUNNING') {
      // the sources' cards show this run as their last one now
      queries.invalidateQueries({ queryKey: ['erp-sync'] });
    }
  }, [state, queries]);
  if (!run.data) {
    return null;
  }
  const rows = run.data.rejectedRows ?? [];
  return (
    <Paper withBorder p="sm" data-testid="import-result" data-import={importId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">{run.data.fileName}</Title>
          <StateBadge state={run.data.state} />
        </Group>
        <Text size="sm" data-testid="import-counts">{counts(t('erp.counts'), run.data)}</Text>
        {run.data.state === 'REVIEW' && <Alert color="orange">{t('erp.reviewWaits')}</Alert>}
        {run.data.outcome && <Text size="sm">{run.data.outcome}</Text>}
        <Title order={4} size="h5">{t('erp.rejected')}</Title>
        {rows.length === 0 ? (
          <Text size="sm">{t('erp.noRejected')}</Text>
        ) : (
          <ScrollableTable minWidth={480}>
            <Table striped data-testid="rejected-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('erp.line')}</Table.Th>
                  <Table.Th>{t('erp.column')}</Table.Th>
                  <Table.Th>{t('erp.key')}</Table.Th>
                  <Table.Th>{t('erp.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.line}-${row.column}-${row.reason}`}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{row.column}</Table.Td>
                    <Table.Td>{row.key}</Table.Td>
                    <Table.Td>{row.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
        {run.data.rejectedRowsTruncated && <Text size="sm">{t('erp.truncated')}</Text>}
      </Stack>
    </Paper>
  );
}
