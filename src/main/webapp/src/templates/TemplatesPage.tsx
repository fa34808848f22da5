import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/http';
import { useSession } from '../auth/session';
import { useDeleteTemplate, useTemplates, type Template } from '../estimates/queries';
import { minute } from '../format/dates';
import { useI18n } from '../i18n/I18n';

/**
 * The estimate templates: the everyday sets of products a salesperson starts estimates from. New ones are kept
 * from an estimate ("템플릿으로 저장" on its page); here each starts a new estimate, and its owner may delete it.
 */
export function TemplatesPage() {
  const { t } = useI18n();
  const templates = useTemplates();
  const remove = useDeleteTemplate();
  const user = useSession().data?.user?.user;
  const refused = remove.error instanceof ApiError ? remove.error.problem : null;
  return (
    <Stack>
      <Title order={2}>{t('nav.templates')}</Title>
      <Text>{t('template.intro')}</Text>
      {refused && <Alert color="red" role="alert">{refused.detail ?? refused.title}</Alert>}
      {templates.data?.length === 0 && <Text>{t('template.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {templates.data?.map((template) => (
          <TemplateCard key={template.id} template={template} mine={template.owner === user}
            deleting={remove.isPending && remove.variables === template.id} onDelete={() => remove.mutate(template.id)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function TemplateCard({ template, mine, deleting, onDelete }: {
  template: Template; mine: boolean; deleting: boolean; onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="template-card" data-id={template.id}>
      <Stack gap={6}>
        <Title order={3} size="h5">{template.name}</Title>
        {template.description && <Text size="sm">{template.description}</Text>}
        <Text size="sm" c="gray.7">
          {template.items.length}{t('template.lines')} · {template.owner} · {minute(template.updatedAt)}
        </Text>
        <Group>
          <Button component={Link} to={`/estimates/new?template=${template.id}`} size="md" data-testid="use-template">
            {t('template.use')}
          </Button>
          {mine && (
            <Button variant="outline" color="red.9" size="md" loading={deleting} onClick={onDelete}>
              {t('template.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
