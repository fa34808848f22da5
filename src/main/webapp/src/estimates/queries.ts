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
