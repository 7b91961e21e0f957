import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNumber, normalizeNumber } from './phone';

describe('caller numbers', () => {
  it('gives one key to the same mobile number however it was typed', () => {
    for (const typed of [
      '081234567890',
      '+6281234567890',
      '0812-3456-7890',
      '62 812 3456 7890',
      '(0812) 3456 7890',
    ]) {
      expect(normalizeNumber(typed), typed).toEqual({ ok: true, e164: '+6281234567890' });
    }
  });

  it('accepts Madiun landlines', () => {
    expect(normalizeNumber('0351 462 000')).toEqual({ ok: true, e164: '+62351462000' });
  });

  it('rejects what is not a number', () => {
    for (const typed of ['', '112', 'abc', '0812', '08123456789012345678', '<script>', '+1 555']) {
      expect(normalizeNumber(typed).ok, typed).toBe(false);
    }
  });

  it('masks all but the first four and last three digits', () => {
    expect(maskNumber('+6281234567890')).toBe('0812•••••890');
    expect(maskNumber(null)).toBe('—');
    fc.assert(
      fc.property(fc.stringMatching(/^\+628[1-9]\d{7,9}$/), (e164) => {
        const national = `0${e164.slice(3)}`;
        const hidden = national.length - 7;
        // The first four and last three digits stay; every digit between is a bullet.
        return (
          maskNumber(e164) === `${national.slice(0, 4)}${'•'.repeat(hidden)}${national.slice(-3)}`
        );
      }),
    );
  });
});
