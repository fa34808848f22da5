import { describe, expect, it } from 'vitest';
import { csrfToken } from './http';

describe('csrfToken', () => {
  it('reads the XSRF-TOKEN cookie among others', () => {
    expect(csrfToken('JSESSIONID=abc; XSRF-TOKEN=3f2a-9c%3D; lang=ko')).toBe('3f2a-9c=');
    expect(csrfToken('XSRF-TOKEN=t1')).toBe('t1');
  });

  it('has none when the cookie is missing', () => {
    expect(csrfToken('JSESSIONID=abc')).toBeUndefined();
    expect(csrfToken('')).toBeUndefined();
  });
});
