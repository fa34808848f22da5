/**
 * The API's refusals are RFC 7807 problem details (docs/api-conventions.md): a type, a title, a detail for
 * people and, for invalid input, errors naming the field as a JSON path (`items[0].quantity`). Forms show each
 * message at the field it names.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string | null;
  instance?: string | null;
  traceId?: string | null;
  errors?: { field: string; message: string }[] | null;
}

export function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const candidate = body as Record<string, unknown>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number';
}

/** The messages per field path; a field named twice keeps both messages, in order. */
export function fieldErrors(problem: Problem): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) {
    byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  }
  return byField;
}
