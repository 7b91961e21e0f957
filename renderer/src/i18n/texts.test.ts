/**
 * Every error code and every kind of timeline line has its own text in each language, so
 * the operator never sees a raw code such as `dispatch.withdrawn` or `auth.not_yours`.
 * (The types say so too, in id.ts; this checks the values that ship.)
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/api/errors';
import { TimelineKind } from '../../../shared/domain/timeline';
import { en } from './en';
import { id } from './id';

describe.each([
  ['id', id],
  ['en', en],
] as const)('%s texts', (_, texts) => {
  it.each(ErrorCode.options)('says what error %s means', (code) => {
    expect((texts.errors as Record<string, string>)[code]).toMatch(/\S/);
  });

  it.each(TimelineKind.options)('names the timeline line %s', (kind) => {
    expect((texts.timeline as Record<string, string>)[kind]).toMatch(/\S/);
  });
});
