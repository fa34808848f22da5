import '@mantine/dropzone/styles.css';
import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, ok, type Schemas } from '../api/http';
import { minute } from '../format/dates';
import { useI18n } from '../i18n/I18n';
import { DOCUMENT_TYPES, uploadDocument, type DocumentAccepted } from './upload';

type DocumentSummary = Schemas['DocumentSummary'];
type DocumentStatus = DocumentSummary['status'];

// dark shades: white text on them keeps WCAG's 4.5:1 (axe)
const COLORS: Record<DocumentStatus, string> = {
  RECEIVED: 'blue.9',
  OCR_DONE: 'blue.9',
  EXTRACTED: '#a8410d',
  REVIEWED: '#1f6e30',
  FAILED: 'red.9',
};

/** The caller's own uploads, newest first; the live stream's `document` events keep it current. */
export function useMyDocuments() {
  return useQuery({
    queryKey: ['documents'],
    queryFn: () => ok(client.GET('/api/v1/ocr/documents', { params: { query: { size: 20 } } })),
  });
}

/**
 * RFQ intake: a customer's RFQ or PO dropped here (or photographed with a phone's camera) is uploaded with its
 * progress shown, then read on the server; its card follows it live to the review in Tasklist, and on to the
 * draft estimate the review makes.
 */
export function RfqPage() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const documents = useMyDocuments();
  const [progress, setProgress] = useState<number | null>(null);
  const [last, setLast] = useState<DocumentAccepted | null>(null);
  const [wrongType, setWrongType] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadDocument(file, setProgress);
    },
    onSuccess: (accepted) => {
      setLast(accepted);
      return queries.invalidateQueries({ queryKey: ['documents'] });
    },
    onSettled: () => setProgress(null),
  });
  const send = (file: File | null) => {
    setWrongType(false);
    if (file) {
      upload.mutate(file);
    }
  };
  const refused = upload.error instanceof ApiError ? upload.error.problem : null;

  return (
    <Stack>
      <Title order={2}>{t('nav.rfqs')}</Title>
      <Text>{t('rfq.intro')}</Text>
      <Dropzone
        onDrop={(files) => send(files[0] ?? null)}
        onReject={() => setWrongType(true)}
        accept={DOCUMENT_TYPES}
        multiple={false}
        loading={upload.isPending}
        aria-label={t('rfq.drop')}
        data-testid="rfq-drop"
      >
        <Stack align="center" gap={4} mih={120} justify="center">
          <Text size="lg" ta="center">{t('rfq.drop')}</Text>
          <Text size="sm" c="gray.7">{t('rfq.types')}</Text>
        </Stack>
      </Dropzone>
      <Group>
        {/* on a phone, capture opens the camera rather than the files */}
        <FileButton onChange={send} accept="image/*" capture="environment">
          {(props) => (
            <Button {...props} size="md" variant="light" disabled={upload.isPending}>
              {t('rfq.camera')}
            </Button>
          )}
        </FileButton>
      </Group>
      {progress !== null && (
        <Stack gap={4}>
          <Text size="sm">{t('rfq.uploading')} {progress}%</Text>
          <Progress value={progress} aria-label={t('rfq.uploading')} data-testid="upload-progress" />
        </Stack>
      )}
      {wrongType && <Alert color="red" role="alert">{t('rfq.wrongType')}</Alert>}
      {refused && (
        <Alert color="red" role="alert" data-testid="upload-refused">
          {refused.detail ?? refused.title}
        </Alert>
      )}
      {last?.duplicate && <Alert color="blue">{t('rfq.duplicate')}</Alert>}
      <Title order={3}>{t('rfq.mine')}</Title>
      {documents.data && documents.data.content?.length === 0 && <Text>{t('rfq.none')}</Text>}
      <Stack data-testid="documents">
        {documents.data?.content?.map((document) => (
          <DocumentCard key={document.id} document={document} latest={document.id === last?.documentId} />
        ))}
      </Stack>
    </Stack>
  );
}

function DocumentCard({ document, latest }: { document: DocumentSummary; latest: boolean }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="document" data-id={document.id} data-latest={latest}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{document.fileName}</Text>
          <Badge color={COLORS[document.status]} variant="filled" data-testid="document-status" style={{ flexShrink: 0 }}>
            {t(`document.${document.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7">
          {minute(document.receivedAt)}
          {document.pageCount ? ` · ${document.pageCount}${t('rfq.pages')}` : ''}
          {document.extractionConfidence != null
            ? ` · ${t('rfq.confidence')} ${Math.round(document.extractionConfidence * 100)}%` : ''}
        </Text>
        {document.failureReason && <Text size="sm" c="red.9">{document.failureReason}</Text>}
        <Group>
          {document.reviewUrl && (
            <Button component="a" href={document.reviewUrl} size="md" data-testid="review-link">
              {t('rfq.review')}
            </Button>
          )}
          {document.estimateId != null && (
            <Anchor component={Link} to={`/estimates/${document.estimateId}`} data-testid="estimate-link">
              {t('rfq.estimate')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
