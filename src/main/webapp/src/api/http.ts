import createClient, { type Middleware } from 'openapi-fetch';
import { isProblem, type Problem } from './problem';
import type { components, paths } from './schema';

/** The API's types, generated at build time from its OpenAPI document (openapi.json; `npm run api`). */
export type Schemas = components['schemas'];

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
 * The session's headers: X-Requested-With marks the UI's own calls (a 401 then carries no Basic challenge, so no
 * browser puts up its password dialog), and every change proves its origin with the CSRF token.
 */
const browserSession: Middleware = {
  onRequest({ request }) {
    request.headers.set('X-Requested-With', 'XMLHttpRequest');
    const token = CHANGES.has(request.method) ? csrfToken() : undefined;
    if (token) {
      request.headers.set('X-XSRF-TOKEN', token);
    }
    return request;
  },
};

/** The typed API: paths, parameters and bodies as the OpenAPI document declares them. */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(browserSession);

/** The answer's body; a refusal becomes an ApiError with its problem details. */
export async function ok<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new ApiError(
      isProblem(error) ? error : { type: '/problems/unknown', title: response.statusText, status: response.status },
    );
  }
  return data as T;
}
