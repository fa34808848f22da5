import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type Schemas } from '../api/http';

export type EstimateStatus = Schemas['EstimateSummary']['status'];
export const STATUSES: EstimateStatus[] = [
  'DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'SENT', 'WON', 'LOST', 'EXPIRED', 'WITHDRAWN',
];

export interface ListFilters {
  q: string;
  status: EstimateStatus | '';
  createdFrom: string;
  createdTo: string;
  sort: string;
  page: number;
}

export function useEstimates(filters: ListFilters) {
  return useQuery({
    queryKey: ['estimates', filters],
    queryFn: () =>
      ok(
        client.GET('/api/v1/estimates', {
          params: {
            query: {
              q: filters.q || undefined,
              status: filters.status || undefined,
              createdFrom: filters.createdFrom || undefined,
              createdTo: filters.createdTo || undefined,
              sort: [filters.sort],
              page: filters.page,
              size: 20,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEstimate(id: string) {
  return useQuery({
    queryKey: ['estimate', id],
    queryFn: () => ok(client.GET('/api/v1/estimates/{id}', { params: { path: { id } } })),
  });
}

export function useCustomers(text: string) {
  return useQuery({
    queryKey: ['customers', text],
    queryFn: () => ok(client.GET('/api/v1/customers', { params: { query: { q: text || undefined, size: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useProducts(text: string) {
  return useQuery({
    queryKey: ['products', text],
    queryFn: () =>
      ok(client.GET('/api/v1/products', { params: { query: { q: text || undefined, active: true, size: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The server's price of the estimate being written; null while there is nothing it could price. */
export function usePreview(request: Schemas['EstimateRequest'] | null) {
  return useQuery({
    queryKey: ['preview', request],
    queryFn: () => ok(client.POST('/api/v1/estimates/preview', { body: request! })),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/** Saves a new estimate once: the same Idempotency-Key for every retry of this form's save. */
export function useCreateEstimate(idempotencyKey: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['EstimateRequest']) =>
      ok(client.POST('/api/v1/estimates', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['estimates'] }),
  });
}

/** A new revision, only over the version the salesperson saw (If-Match): someone else's change is not overwritten. */
export function useReviseEstimate(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: Schemas['EstimateRequest']; version: number }) =>
      ok(client.PUT('/api/v1/estimates/{id}', { body, params: { path: { id }, header: { 'If-Match': `"${version}"` } } })),
    onSuccess: (estimate) => {
      queries.setQueryData(['estimate', id], estimate);
      return queries.invalidateQueries({ queryKey: ['estimates'] });
    },
  });
}

/** What an estimate's page shows beside it; refreshed together whenever the estimate changes. */
function related(id: string) {
  return [['estimate', id], ['approvals', id], ['waiting', id], ['revisions', id], ['estimates']];
}

export function useApprovals(id: number) {
  return useQuery({
    queryKey: ['approvals', String(id)],
    queryFn: () => ok(client.GET('/api/v1/estimates/{id}/approvals', { params: { path: { id } } })),
  });
}

export function useWaitingApprovals(id: number, active: boolean) {
  return useQuery({
    queryKey: ['waiting', String(id)],
    queryFn: () => ok(client.GET('/api/v1/estimates/{id}/approvals/waiting', { params: { path: { id } } })),
    enabled: active,
    // the approval process opens its first level a moment after the submission: look again until it has
    refetchInterval: (query) => (active && query.state.data?.length === 0 ? 2000 : false),
  });
}

export function useRevisions(id: number) {
  return useQuery({
    queryKey: ['revisions', String(id)],
    queryFn: () => ok(client.GET('/api/v1/estimates/{id}/revisions', { params: { path: { id: String(id) } } })),
  });
}

/** The win model's view of the estimate, as the approver sees it in Tasklist. */
export function usePrediction(id: number) {
  return useQuery({
    queryKey: ['prediction', String(id)],
    queryFn: () => ok(client.POST('/api/v1/ai/predict', { body: { estimateId: id } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The 견적서 as a PDF file. */
export function useQuotePdf(id: number, revision: number) {
  return useQuery({
    queryKey: ['pdf', String(id), revision],
    queryFn: async () =>
      (await ok(
        client.GET('/api/v1/estimates/{id}/document', { params: { path: { id: String(id) }, query: { revision } }, parseAs: 'blob' }),
      )) as unknown as Blob,
    staleTime: Infinity,
  });
}

export type Step =
  | { step: 'submit' }
  | { step: 'withdraw' }
  | { step: 'send' }
  | { step: 'outcome'; outcome: 'WON' | 'LOST'; reason?: string };

/** Moves an estimate along its life: submit, withdraw, send, won or lost. */
export function useEstimateStep(id: number) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (step: Step) => {
      const path = { params: { path: { id } } };
      switch (step.step) {
        case 'submit':
          return ok(client.POST('/api/v1/estimates/{id}/submit', path));
        case 'withdraw':
          return ok(client.POST('/api/v1/estimates/{id}/withdraw', path));
        case 'send':
          return ok(client.POST('/api/v1/estimates/{id}/send', path));
        case 'outcome':
          return ok(client.POST('/api/v1/estimates/{id}/outcome', { ...path, body: { outcome: step.outcome, reason: step.reason } }));
      }
    },
    onSettled: () => Promise.all(related(String(id)).map((queryKey) => queries.invalidateQueries({ queryKey }))),
  });
}

export type Template = Schemas['TemplateResponse'];

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: ['templates'],
    queryFn: () => ok(client.GET('/api/v1/estimates/templates')),
    enabled,
    staleTime: 30_000,
  });
}

export function useTemplate(id: string | null) {
  return useQuery({
    queryKey: ['template', id],
    queryFn: () => ok(client.GET('/api/v1/estimates/templates/{id}', { params: { path: { id: Number(id) } } })),
    enabled: id !== null,
  });
}

export function useCreateTemplate() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['TemplateRequest']) => ok(client.POST('/api/v1/estimates/templates', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['templates'] }),
  });
}

export function useDeleteTemplate() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => ok(client.DELETE('/api/v1/estimates/templates/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['templates'] }),
  });
}
