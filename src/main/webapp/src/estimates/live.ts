import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** An `estimate` event of GET /api/v1/estimates/events. */
export interface EstimateEvent {
  id: number;
  number: string;
  status: string;
  action: string;
}

/** The cached answers an event makes stale: the estimate (by id and by number), its approval, the lists. */
export function staleAfter(event: EstimateEvent): string[][] {
  const id = String(event.id);
  return [['estimate', id], ['estimate', event.number], ['approvals', id], ['waiting', id], ['revisions', id], ['estimates']];
}

function refresh(queries: QueryClient, event: EstimateEvent) {
  staleAfter(event).forEach((queryKey) => queries.invalidateQueries({ queryKey }));
}

/**
 * Keeps every page up to date while it is open: the server tells of each change to an estimate this user may see,
 * whoever made it and on whichever instance, and the page reloads what the change touched. EventSource reconnects
 * by itself after a dropped network or a restart; what changed meanwhile is fetched again on reconnecting.
 */
export function useLiveEstimates(enabled: boolean) {
  const queries = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource('/api/v1/estimates/events');
    let opened = false;
    source.addEventListener('estimate', (message) => refresh(queries, JSON.parse((message as MessageEvent).data)));
    // the user's own uploads moving on: read, waiting for review, reviewed
    source.addEventListener('document', () => queries.invalidateQueries({ queryKey: ['documents'] }));
    source.addEventListener('open', () => {
      if (opened) {
        // back after a gap: whatever changed meanwhile was not heard
        queries.invalidateQueries({ predicate: (query) => ['estimate', 'estimates', 'approvals', 'waiting', 'revisions', 'documents'].includes(String(query.queryKey[0])) });
      }
      opened = true;
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // refused for good (the session ended): the sign-in follows from the session's answer
        queries.invalidateQueries({ queryKey: ['session'] });
      }
    });
    return () => source.close();
  }, [enabled, queries]);
}
