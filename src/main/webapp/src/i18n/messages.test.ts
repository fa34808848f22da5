import { describe, expect, it } from 'vitest';
import { en, fill, ko } from './messages';

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const text of [...Object.values(ko), ...Object.values(en)]) {
      expect(text.trim()).not.toBe('');
    }
  });
});

describe('fill', () => {
  it('puts the values in their places and leaves unknown places as they are', () => {
    expect(fill('추가 {inserted} · 거부 {rejected}', { inserted: 3, rejected: 0 })).toBe('추가 3 · 거부 0');
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
  });
});
