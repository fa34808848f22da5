import { describe, expect, it } from 'vitest';
import { won } from './money';

describe('won', () => {
  it('groups thousands and adds the unit', () => {
    expect(won(1234500)).toBe('1,234,500원');
    expect(won('27500')).toBe('27,500원');
    expect(won(0)).toBe('0원');
  });

  it('shows a dash for what is not an amount', () => {
    expect(won(null)).toBe('—');
    expect(won(undefined)).toBe('—');
    expect(won('')).toBe('—');
    expect(won('abc')).toBe('—');
  });
});
