import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type Schemas } from '../api/http';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { templateOf } from './draft';
import { useCreateTemplate } from './queries';

/** Keeps the estimate's lines as a template, under a name, for the next customer who asks for the same. */
export function SaveAsTemplate({ estimate }: { estimate: Schemas['EstimateResponse'] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const save = useCreateTemplate();
  const refused = save.error instanceof ApiError ? save.error.problem : null;
  if (!useSession().data?.user?.permissions.includes('templates')) {
    return null;
  }
  if (save.data) {
    return (
      <Text size="sm" data-testid="template-saved">
        {t('template.saved')} <Link to="/templates">{save.data.name}</Link>
      </Text>
    );
  }
  if (!open) {
    return (
      <Group>
        <Button variant="light" size="md" onClick={() => setOpen(true)}>{t('template.saveAs')}</Button>
      </Group>
    );
  }
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(templateOf(name, estimate)); }}>
      <Stack gap="xs" maw={480}>
        <TextInput label={t('template.name')} value={name} onChange={(event) => setName(event.currentTarget.value)}
          size="md" maxLength={200} error={refused?.errors?.find((error) => error.field === 'name')?.message} />
        {refused && !refused.errors?.length && <Alert color="red" role="alert">{refused.detail ?? refused.title}</Alert>}
        <Group>
          <Button type="submit" size="md" disabled={name.trim() === ''} loading={save.isPending}>{t('template.save')}</Button>
          <Button variant="light" size="md" onClick={() => setOpen(false)}>{t('editor.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
