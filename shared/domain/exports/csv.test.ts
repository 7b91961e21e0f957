/** CSV fields as spreadsheets read them: quoted, and never a formula (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('csv fields', () => {
  it.each(['=1+1', '+62 812', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'escapes %j, which a spreadsheet would run, with a leading quote',
    (value) => {
      expect(csvField(value)).toBe(`"'${value}"`);
    },
  );

  it('doubles quotes and keeps commas and line breaks inside one field', () => {
    expect(csvField('Jl. "Pahlawan", no. 3\r\nRT 2')).toBe('"Jl. ""Pahlawan"", no. 3\r\nRT 2"');
  });

  it('leaves ordinary text as it is, quoted', () => {
    expect(csvField('Pohon tumbang')).toBe('"Pohon tumbang"');
    expect(csvField('')).toBe('""');
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['a', '=b'])).toBe(`"a","'=b"\r\n`);
  });
});
