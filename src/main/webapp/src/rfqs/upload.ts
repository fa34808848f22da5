import { ApiError, csrfToken, type Schemas } from '../api/http';
import { isProblem } from '../api/problem';

export type DocumentAccepted = Schemas['DocumentAccepted'];

/** The files the OCR takes (the server decides in the end; this spares a phone the upload of a wrong file). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];

/** How far an upload is, in whole percent; 0 until the browser knows the size. */
export function percent(loaded: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
}

/** The answer of an upload: the document taken in, or the API's refusal as an ApiError. */
export function answerOf(status: number, body: string): DocumentAccepted {
  let parsed: unknown = null;
  try {
    parsed = body ? JSON.parse(body) : null;
  } catch {
    parsed = null;
  }
  if (status >= 200 && status < 300 && parsed) {
    return parsed as DocumentAccepted;
  }
  throw new ApiError(isProblem(parsed) ? parsed : { type: '/problems/unknown', title: `HTTP ${status}`, status });
}

/**
 * POST /api/v1/ocr/process with the file, telling its progress. XMLHttpRequest rather than fetch: only it reports
 * how much of a request's body has gone, which is what a salesperson on a phone's network waits for.
 */
export function uploadDocument(file: File, onProgress: (percent: number) => void): Promise<DocumentAccepted> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/ocr/process');
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    const token = csrfToken();
    if (token) {
      request.setRequestHeader('X-XSRF-TOKEN', token);
    }
    request.upload.addEventListener('progress', (event) => onProgress(percent(event.loaded, event.total)));
    request.addEventListener('load', () => {
      try {
        resolve(answerOf(request.status, request.responseText));
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
