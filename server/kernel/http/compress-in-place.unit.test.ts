import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './compress-in-place.ts';

describe('the encoding of an answer', () => {
  it('takes brotli before gzip when both are as welcome, and what the client prefers otherwise', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('BR')).toBe('br');
  });

  it('sends none when neither is accepted, or when refused by q=0', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(chooseEncoding('*;q=0')).toBeNull();
  });

  it('reads a wildcard for the encodings not named, and ignores a malformed weight', () => {
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0, *')).toBe('gzip');
    expect(chooseEncoding('gzip;q=abc, br;q=0')).toBeNull();
  });
});
