import { describe, expect, it } from 'vitest';
import { rememberReturn, returnPath, takeReturn } from './SignIn';

describe('returnPath', () => {
  it('goes back to the page that asked for a sign-in', () => {
    expect(returnPath('/estimates/42')).toBe('/estimates/42');
    expect(returnPath('/rfqs?status=READY')).toBe('/rfqs?status=READY');
  });

  it('never leaves the UI, nor loops to the sign-in', () => {
    expect(returnPath('https://evil.example/')).toBe('/estimates');
    expect(returnPath('//evil.example/')).toBe('/estimates');
    expect(returnPath('/sign-in?from=/x')).toBe('/estimates');
    expect(returnPath(null)).toBe('/estimates');
  });
});

describe('the page a Keycloak sign-in returns to', () => {
  function tab() {
    const kept = new Map<string, string>();
    return {
      setItem: (key: string, value: string) => void kept.set(key, value),
      getItem: (key: string) => kept.get(key) ?? null,
      removeItem: (key: string) => void kept.delete(key),
    };
  }

  it('is kept in the tab until the sign-in lands, then used once', () => {
    const storage = tab();
    rememberReturn('/estimates/42', storage);
    expect(takeReturn(null, storage)).toBe('/estimates/42');
    expect(takeReturn(null, storage)).toBe('/estimates');
  });

  it('yields to a from in the address, and keeps only paths of the UI', () => {
    const storage = tab();
    rememberReturn('https://evil.example/', storage);
    expect(takeReturn(null, storage)).toBe('/estimates');
    rememberReturn('/templates', storage);
    expect(takeReturn('/rfqs', storage)).toBe('/rfqs');
  });
});
