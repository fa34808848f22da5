import { describe, expect, it } from 'vitest';
import { day, minute } from './dates';

describe('day', () => {
  it('is the day in Seoul, not in the browser or in UTC', () => {
    expect(day('2026-12-05T16:30:00Z')).toBe('2026-12-06');
    expect(day('2026-12-05T14:59:59Z')).toBe('2026-12-05');
    expect(day(null)).toBe('—');
  });
});

describe('minute', () => {
  it('is the time in Seoul to the minute', () => {
    expect(minute('2026-12-05T16:30:59Z')).toBe('2026-12-06 01:30');
    expect(minute(undefined)).toBe('—');
  });
});
