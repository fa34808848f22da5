import { isProblem, type Problem } from './problem';

/** A refusal of the API, with its problem details (shown at the fields they name). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token the server set as a readable cookie (ADR 0010); sent back in a header on every change. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  const match = cookies.split(';').map((part) => part.trim()).find((part) => part.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

/**
 * Calls the API with the session cookie of this origin. JSON in and out; a problem answer becomes an ApiError,
 * an answer without a body (204) undefined.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const token = CHANGES.has(method) ? csrfToken() : undefined;
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      isProblem(body) ? body : { type: '/problems/unknown', title: response.statusText, status: response.status },
    );
  }
  return body as T;
}
