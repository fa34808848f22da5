import { describe, expect, it } from 'vitest';
import { returnPath } from './SignIn';

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
