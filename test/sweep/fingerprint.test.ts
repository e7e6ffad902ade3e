import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/sweep/fingerprint.js';

describe('codeFingerprint', () => {
  it('a 16-hex-digit hash of the code, the same on every call in a process', () => {
    const a = codeFingerprint();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(codeFingerprint()).toBe(a);
  });
});
