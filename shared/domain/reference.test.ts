import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpdsFile } from './reference';

const roster = path.resolve(__dirname, '..', '..', 'resources', 'data', 'opds.json');

describe('OPD roster file', () => {
  it('gives every shipped OPD a duty number', () => {
    const parsed = OpdsFile.parse(JSON.parse(fs.readFileSync(roster, 'utf8')));
    expect(parsed.opds.filter((o) => !o.phone)).toEqual([]);
  });

  it('refuses a duty number that is not a phone number, saying which', () => {
    const opd = { id: 'dlh', name: 'Dinas Lingkungan Hidup', short: 'DLH', kind: 'internal' };
    const bad = OpdsFile.safeParse({ opds: [{ ...opd, phone: 'ask the front desk' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['opds', 0, 'phone'],
      message: 'not a valid Indonesian phone number',
    });
    expect(OpdsFile.safeParse({ opds: [{ ...opd, phone: '0351 462003' }] }).success).toBe(true);
  });

  it('gives every OPD that uses the inbox its inbox hours, and refuses hours not written HH:MM', () => {
    const parsed = OpdsFile.parse(JSON.parse(fs.readFileSync(roster, 'utf8')));
    expect(parsed.opds.filter((o) => o.usesInbox && !o.inboxHours)).toEqual([]);
    const opd = { id: 'dlh', name: 'Dinas Lingkungan Hidup', short: 'DLH', kind: 'internal' };
    const bad = OpdsFile.safeParse({ opds: [{ ...opd, inboxHours: { from: '7', to: '16:00' } }] });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['opds', 0, 'inboxHours', 'from'],
      message: 'a WIB time written HH:MM, 00:00 to 24:00',
    });
    const night = { ...opd, usesInbox: true, inboxHours: { from: '22:00', to: '06:00' } };
    expect(OpdsFile.safeParse({ opds: [night] }).success).toBe(true);
  });
});
