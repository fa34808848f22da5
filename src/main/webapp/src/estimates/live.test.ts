import { describe, expect, it } from 'vitest';
import { staleAfter } from './live';

describe('a live event', () => {
  it('makes stale the estimate by id and by number, its approval and the lists', () => {
    const keys = staleAfter({ id: 42, number: 'EST-2026-000042', status: 'APPROVED', action: 'STATUS_CHANGED' });
    expect(keys).toContainEqual(['estimate', '42']);
    expect(keys).toContainEqual(['estimate', 'EST-2026-000042']);
    expect(keys).toContainEqual(['waiting', '42']);
    expect(keys).toContainEqual(['estimates']);
  });
});
