import { describe, expect, it } from 'vitest';
import { corsFromEnv } from '../src/corsFromEnv.js';

describe('CORS_ORIGINS', () => {
  it('turns CORS off when empty or unset', () => {
    expect(corsFromEnv(undefined)).toEqual([]);
    expect(corsFromEnv(' , ')).toEqual([]);
  });

  it('refuses a malformed origin at start-up', () => {
    expect(() => corsFromEnv('https://app.example/')).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_CORS_CONFIG' }),
    );
  });
});
