import { ApiError, csrfToken } from './http';
import { isProblem } from './problem';

/** How far an upload is, in whole percent; 0 until the browser knows the size. */
export function percent(loaded: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
}

/** The answer of an upload: its JSON body, or the API's refusal as an ApiError. */
export function answerOf<T>(status: number, body: string): T {
  let parsed: unknown = null;
  try {
    parsed = body ? JSON.parse(body) : null;
  } catch {
    parsed = null;
  }
  if (status >= 200 && status < 300 && parsed) {
    return parsed as T;
  }
  throw new ApiError(isProblem(parsed) ? parsed : { type: '/problems/unknown', title: `HTTP ${status}`, status });
}

/**
 * POSTs a file as multipart/form-data (part "file"), telling its progress. XMLHttpRequest rather than fetch: only
 * it reports how much of a request's body has gone, which is what someone on a phone's network waits for. The
 * session's headers are the typed client's (http.ts): X-Requested-With and the CSRF token.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    const token = csrfToken();
    if (token) {
      request.setRequestHeader('X-XSRF-TOKEN', token);
    }
    request.upload.addEventListener('progress', (event) => onProgress(percent(event.loaded, event.total)));
    request.addEventListener('load', () => {
      try {
        resolve(answerOf<T>(request.status, request.responseText));
      } catch (refused) {
        reject(refused);
      }
    });
    request.addEventListener('error', () => reject(new ApiError({ type: '/problems/unknown', title: 'network', status: 0 })));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
