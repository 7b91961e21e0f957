/**
 * Features in `hello` never stop a hello: a list one side cannot read (a newer peer's, or
 * a hostile one) is taken for none, and the rest of the hello still counts.
 */
import { describe, expect, it } from 'vitest';
import { HelloAnswer } from './acks';
import { Hello } from './protocol';

const answer = {
  ok: true,
  protocol: 1,
  hubTime: 1764296400000,
  identity: { kind: 'desk', id: 'desk-1' },
};

describe('hello features', () => {
  it('reads a hub answer whose feature list this desk cannot read as listing none', () => {
    const many = Array.from({ length: 40 }, (_, i) => `feature-${i}`);
    for (const features of [many, ['x'.repeat(100)], 'batch', [7]]) {
      const read = HelloAnswer.safeParse({ ...answer, features });
      expect(read.success, JSON.stringify(features)).toBe(true);
      expect(read.data).toMatchObject({ ok: true, features: [] });
    }
    expect(HelloAnswer.parse({ ...answer, features: ['batch', 'later'] })).toMatchObject({
      features: ['batch', 'later'],
    });
    expect(HelloAnswer.parse(answer)).not.toHaveProperty('features');
  });

  it('serves a client whose feature list it cannot read as one that lists none', () => {
    expect(Hello.parse({ protocol: 1, features: { events: true } })).toEqual({
      protocol: 1,
      features: [],
    });
    expect(Hello.parse({})).toEqual({ protocol: 1, features: [] });
    expect(Hello.parse({ features: ['events'] }).features).toEqual(['events']);
    expect(Hello.safeParse({ protocol: 'one' }).success).toBe(false);
  });
});
