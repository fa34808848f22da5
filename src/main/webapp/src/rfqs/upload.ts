import type { Schemas } from '../api/http';
import { uploadFile } from '../api/upload';

export type DocumentAccepted = Schemas['DocumentAccepted'];

/** The files the OCR takes (the server decides in the end; this spares a phone the upload of a wrong file). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];

/** POST /api/v1/ocr/process with the file, telling its progress. */
export function uploadDocument(file: File, onProgress: (percent: number) => void): Promise<DocumentAccepted> {
  return uploadFile<DocumentAccepted>('/api/v1/ocr/process', file, onProgress);
}
