/** A dispatch refusal is worded from its stored code in both languages, never in the hub's English. */
import { afterEach, describe, expect, it } from 'vitest';
import { HubErrorCode } from '../../../shared/hub/messages';
import { i18next } from '.';
import { refusalKey } from './refusal-text';

const text = (code: string, lng: 'id' | 'en') => i18next.t(refusalKey(code), { lng });

describe('refusal texts', () => {
  afterEach(async () => {
    await i18next.changeLanguage('id');
  });

  it('words an unknown OPD in Indonesian and in English', () => {
    expect(text('opd.unknown', 'id')).toBe('OPD tujuan tidak terdaftar di hub.');
    expect(text('opd.unknown', 'en')).toBe('The receiving OPD is not registered at the hub.');
  });

  it('has its own text for every code the hub can refuse with, in each language', () => {
    const general = { id: text('no.such_code', 'id'), en: text('no.such_code', 'en') };
    for (const code of HubErrorCode.options) {
      for (const lng of ['id', 'en'] as const) {
        const worded = text(code, lng);
        expect(worded, `${lng} ${code}`).not.toBe(general[lng]);
        expect(worded, `${lng} ${code}`).not.toBe(code);
        expect(worded, `${lng} ${code}`).not.toMatch(/^refusals\./);
      }
    }
  });

  it('gives a code from a newer hub a general text, never the code itself', () => {
    expect(text('opd.retired', 'id')).toBe(
      'Hub menolak disposisi ini dengan alasan yang tidak dikenal desk ini.',
    );
    expect(text('opd.retired', 'en')).toBe(
      'The hub refused this dispatch for a reason this desk does not know.',
    );
  });
});
