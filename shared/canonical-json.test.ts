/** Canonical JSON: one text per value, whatever order its keys were written in. */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, A: 3, '\ud83d\ude00': 4, '\ufb01': 5 })).toBe(
      '{"A":3,"z":2,"\u00e9":1,"\ud83d\ude00":4,"\ufb01":5}',
    );
  });

  it('writes numbers and strings as JSON does, escapes included', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 'a"b\\c\n<script>'])).toBe(
      '[1e+21,0.1,0,1.5e-7,"a\\"b\\\\c\\n<script>"]',
    );
  });

  it('leaves out undefined object fields, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
  });
});
