import { describe, expect, it } from 'vitest';
import { fieldErrors, isProblem, type Problem } from './problem';

const refused: Problem = {
  type: '/problems/validation',
  title: 'Invalid input',
  status: 400,
  errors: [
    { field: 'items[0].quantity', message: 'must be greater than 0' },
    { field: 'customerCode', message: 'unknown customer' },
    { field: 'items[0].quantity', message: 'at most 3 decimals' },
  ],
};

describe('problem details', () => {
  it('recognises a problem and nothing else', () => {
    expect(isProblem(refused)).toBe(true);
    expect(isProblem({ content: [] })).toBe(false);
    expect(isProblem(null)).toBe(false);
    expect(isProblem('/problems/validation')).toBe(false);
  });

  it('gives each field its messages', () => {
    expect(fieldErrors(refused)).toEqual({
      'items[0].quantity': 'must be greater than 0; at most 3 decimals',
      customerCode: 'unknown customer',
    });
    expect(fieldErrors({ ...refused, errors: null })).toEqual({});
  });
});
