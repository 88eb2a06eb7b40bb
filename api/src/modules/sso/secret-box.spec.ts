import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a'.repeat(32));

  it('opens what it sealed, for the same district only', () => {
    const sealed = box.seal('s3cret-value', 'district-a');
    expect(sealed).not.toContain('s3cret');
    expect(box.open(sealed, 'district-a')).toBe('s3cret-value');
    expect(box.open(sealed, 'district-b')).toBeUndefined();
  });

  it('refuses another key, an altered ciphertext and garbage', () => {
    const sealed = box.seal('s3cret-value', 'd');
    expect(new SecretBox('b'.repeat(32)).open(sealed, 'd')).toBeUndefined();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(box.open(parts.join('.'), 'd')).toBeUndefined();
    expect(box.open('not-a-ciphertext', 'd')).toBeUndefined();
  });

  it('never seals the same secret to the same text twice', () => {
    expect(box.seal('same', 'd')).not.toBe(box.seal('same', 'd'));
  });
});
