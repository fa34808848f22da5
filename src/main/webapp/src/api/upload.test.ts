import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { answerOf, percent } from './upload';

describe('an upload', () => {
  it('tells its progress in whole percent, never past 100', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(512, 2048)).toBe(25);
    expect(percent(2047, 2048)).toBe(99);
    expect(percent(3000, 2048)).toBe(100);
  });

  it('answers the document taken in, a first upload and a repeated one alike', () => {
    const accepted = { documentId: 'd1', status: 'RECEIVED', duplicate: false, checksum: 'c', pages: 1, statusUrl: '/x' };
    expect(answerOf<{ documentId: string }>(202, JSON.stringify(accepted)).documentId).toBe('d1');
    expect(answerOf<{ duplicate: boolean }>(200, JSON.stringify({ ...accepted, duplicate: true })).duplicate).toBe(true);
  });

  it("turns a refusal into the API's problem, and anything else into a plain one", () => {
    const problem = { type: '/problems/document-refused', title: 'Document refused', status: 422, detail: 'not a PDF' };
    expect(() => answerOf(422, JSON.stringify(problem))).toThrowError(new ApiError(problem));
    let refused: unknown;
    try {
      answerOf(502, '<html>Bad gateway</html>');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).problem.status).toBe(502);
  });
});
