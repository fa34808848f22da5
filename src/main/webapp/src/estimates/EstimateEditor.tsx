import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon, Alert, Button, Center, Grid, Group, Loader, NumberInput, Paper, Select, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, type Schemas } from '../api/http';
import { useI18n } from '../i18n/I18n';
import { isMessageKey, type MessageKey } from '../i18n/messages';
import { draftForm, emptyDraft, emptyLine, formPath, formPathOf, fromEstimate, fromTemplate, previewable, toRequest, type DraftForm } from './draft';
import { CustomerPicker, ProductPicker } from './Pickers';
import { PriceBreakdown } from './PriceBreakdown';
import { useCreateEstimate, useEstimate, usePreview, useReviseEstimate, useTemplate, useTemplates } from './queries';

/** A new estimate: /estimates/new, or started from a template: /estimates/new?template={id}. */
export function NewEstimate() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const templateId = params.get('template');
  const templates = useTemplates();
  const template = useTemplate(templateId);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateEstimate(idempotencyKey);
  if (templateId && !template.data && !template.isError) {
    return <Center><Loader role="status" aria-label={t('page.loading')} /></Center>;
  }
  return (
    <Stack>
      {(templates.data?.length ?? 0) > 0 && (
        <Select
          label={t('editor.template')}
          placeholder={t('editor.templateNone')}
          data={templates.data!.map((choice) => ({ value: String(choice.id), label: choice.name }))}
          value={templateId}
          onChange={(id) => setParams(id ? { template: id } : {}, { replace: true })}
          size="md"
          maw={480}
          clearable
          clearButtonProps={{ 'aria-label': t('editor.templateNone') }}
          data-testid="template"
        />
      )}
      <EstimateForm
        // a template chosen starts the form again from its lines
        key={template.data ? `template-${template.data.id}` : 'empty'}
        title="editor.titleNew"
        initial={template.data ? fromTemplate(template.data) : emptyDraft()}
        saving={create.isPending}
        save={(request) => create.mutateAsync(request).then((saved) => navigate(`/estimates/${saved.id}`))}
      />
    </Stack>
  );
}

/** A new revision of an editable estimate: /estimates/{id}/edit. */
export function ReviseEstimate() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const estimate = useEstimate(id);
  const revise = useReviseEstimate(id);
  const { t } = useI18n();
  if (!estimate.data) {
    return estimate.isError ? <Text role="alert">{estimate.error.message}</Text> : <Center><Loader role="status" aria-label={t('page.loading')} /></Center>;
  }
  const current = estimate.data;
  const labels = Object.fromEntries(current.items.map((item) => [item.productCode, `${item.productName} (${item.productCode})`]));
  return (
    <EstimateForm
      key={current.version}
      title="editor.titleRevise"
      subtitle={current.number}
      initial={fromEstimate(current)}
      customerLabel={`${current.customer.name} (${current.customer.code})`}
      productLabels={labels}
      saving={revise.isPending}
      save={(request) =>
        revise.mutateAsync({ body: request, version: current.version }).then(() => navigate(`/estimates/${current.id}`))
      }
    />
  );
}

interface FormProps {
  title: MessageKey;
  subtitle?: string;
  initial: DraftForm;
  customerLabel?: string;
  productLabels?: Record<string, string>;
  saving: boolean;
  save: (request: Schemas['EstimateRequest']) => Promise<unknown>;
}

function EstimateForm({ title, subtitle, initial, customerLabel, productLabels = {}, saving, save }: FormProps) {
  const { t } = useI18n();
  const form = useForm<DraftForm>({ resolver: zodResolver(draftForm), defaultValues: initial, mode: 'onTouched' });
  const lines = useFieldArray({ control: form.control, name: 'items' });
  const [refusal, setRefusal] = useState<string | null>(null);

  // the server prices what is on the screen, a moment after the typing stops
  const values = useWatch({ control: form.control }) as DraftForm;
  const wanted = useMemo(() => previewable(values), [JSON.stringify(values)]); // eslint-disable-line react-hooks/exhaustive-deps
  const [asked] = useDebouncedValue(wanted, 250);
  const preview = usePreview(asked?.request ?? null);
  const previewProblem = preview.error instanceof ApiError ? preview.error.problem : null;

  const message = (text: string | undefined) => (text && isMessageKey(text) ? t(text) : text);
  const errorAt = (path: FieldPath<DraftForm>) => {
    const state = form.getFieldState(path, form.formState);
    const previewed = previewProblem?.errors?.find((error) => formPathOf(error.field, asked?.lines ?? []) === path);
    return message(state.error?.message) ?? previewed?.message;
  };

  const submit = form.handleSubmit(async (draft) => {
    setRefusal(null);
    try {
      await save(toRequest(draft));
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      const fields = error.problem.errors ?? [];
      fields.forEach((field) => form.setError(formPath(field.field) as FieldPath<DraftForm>, { message: field.message }));
      setRefusal(error.problem.detail ?? error.problem.title);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2}>{t(title)}</Title>
            {subtitle && <Text c="gray.7">{subtitle}</Text>}
          </div>
        </Group>
        {refusal && (
          <Alert color="red" role="alert" data-testid="save-refused">
            {refusal}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Controller
              control={form.control}
              name="customerCode"
              render={({ field }) => (
                <CustomerPicker
                  label={t('editor.customer')}
                  placeholder={t('editor.customerSearch')}
                  value={field.value}
                  chosenLabel={customerLabel}
                  onChange={(code) => field.onChange(code)}
                  error={errorAt('customerCode')}
                  testId="customer"
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('editor.validUntil')} type="date" size="md" error={errorAt('validUntil')} {...form.register('validUntil')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Controller
              control={form.control}
              name="discountRate"
              render={({ field }) => (
                <NumberInput
                  label={t('editor.discount')}
                  size="md"
                  min={0}
                  max={100}
                  decimalScale={2}
                  value={field.value}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                  onBlur={field.onBlur}
                  error={errorAt('discountRate')}
                />
              )}
            />
          </Grid.Col>
        </Grid>

        <Title order={3} size="h4">
          {t('editor.lines')}
        </Title>
        {lines.fields.map((line, index) => (
          <Paper key={line.id} withBorder p="sm" data-testid={`line-${index}`}>
            <Grid align="flex-end">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Controller
                  control={form.control}
                  name={`items.${index}.productCode`}
                  render={({ field }) => (
                    <ProductPicker
                      label={`${t('editor.product')} ${index + 1}`}
                      placeholder={t('editor.productSearch')}
                      value={field.value}
                      chosenLabel={productLabels[field.value]}
                      onChange={(code) => field.onChange(code)}
                      error={errorAt(`items.${index}.productCode`)}
                      testId={`product-${index}`}
                    />
                  )}
                />
              </Grid.Col>
              {(['quantity', 'discountRate'] as const).map((name) => (
                <Grid.Col key={name} span={{ base: 5, md: 2.5 }}>
                  <Controller
                    control={form.control}
                    name={`items.${index}.${name}`}
                    render={({ field }) => (
                      <NumberInput
                        label={t(name === 'quantity' ? 'editor.quantity' : 'editor.lineDiscount')}
                        size="md"
                        min={0}
                        max={name === 'quantity' ? 1_000_000 : 100}
                        decimalScale={name === 'quantity' ? 3 : 2}
                        thousandSeparator={name === 'quantity' ? ',' : undefined}
                        value={field.value}
                        onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                        onBlur={field.onBlur}
                        error={errorAt(`items.${index}.${name}`)}
                        data-testid={`${name}-${index}`}
                      />
                    )}
                  />
                </Grid.Col>
              ))}
              <Grid.Col span={{ base: 2, md: 1 }}>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size={44}
                  aria-label={`${t('editor.removeLine')} ${index + 1}`}
                  onClick={() => lines.remove(index)}
                  disabled={lines.fields.length === 1}
                >
                  ✕
                </ActionIcon>
              </Grid.Col>
            </Grid>
          </Paper>
        ))}
        {form.formState.errors.items?.root?.message && (
          <Text c="red.9" size="sm">{message(form.formState.errors.items.root.message)}</Text>
        )}
        <Group>
          <Button variant="light" size="md" onClick={() => lines.append({ ...emptyLine })}>
            {t('editor.addLine')}
          </Button>
        </Group>
        <Textarea label={t('editor.note')} autosize minRows={2} size="md" error={errorAt('note')} {...form.register('note')} />

        <Paper withBorder p="md" aria-live="polite" aria-busy={preview.isFetching} data-testid="preview">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              {t('preview.title')}
            </Title>
            {preview.isFetching && <Loader size="sm" role="status" aria-label={t('preview.pending')} />}
          </Group>
          {previewProblem && (
            <Alert color="red" mb="sm" data-testid="preview-problem">
              {previewProblem.detail ?? previewProblem.title}
            </Alert>
          )}
          {asked && preview.data ? <PriceBreakdown priced={preview.data} /> : !previewProblem && <Text c="gray.7">{t('preview.empty')}</Text>}
        </Paper>

        <Group justify="flex-end">
          <Button component={Link} to="/estimates" variant="subtle" size="md">
            {t('editor.cancel')}
          </Button>
          <Button type="submit" size="md" loading={saving} data-testid="save">
            {t('editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
