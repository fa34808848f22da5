import { describe, expect, it } from 'vitest';
import { en, ko } from './messages';

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const text of [...Object.values(ko), ...Object.values(en)]) {
      expect(text.trim()).not.toBe('');
    }
  });
});
