import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildSchemaNow, lazySchema } from '../../../src/domain/lazy-schema';
import { parseOrThrow } from '../../../src/domain/validation';

describe('a schema built on first use', () => {
  it('is not built until something reads it, and then only once', () => {
    let builds = 0;
    const name = lazySchema(() => {
      builds++;
      return z.string().check(z.trim(), z.minLength(1, 'name is required'));
    });
    const person = lazySchema(() => z.object({ name }));
    expect(builds).toBe(0);
    expect(z.parse(person, { name: ' Sam ' })).toEqual({ name: 'Sam' });
    expect(z.parse(person, { name: 'Kim' })).toEqual({ name: 'Kim' });
    expect(builds).toBe(1);
  });

  it('can be built ahead of its first use, once', () => {
    let builds = 0;
    const answer = lazySchema(() => {
      builds++;
      return z.object({ ok: z.boolean() });
    });
    buildSchemaNow(answer);
    expect(builds).toBe(1);
    buildSchemaNow(answer);
    expect(z.parse(answer, { ok: true })).toEqual({ ok: true });
    expect(builds).toBe(1);
    // Any other schema is left as it is.
    expect(() => buildSchemaNow(z.string())).not.toThrow();
  });

  it('accepts and refuses exactly what the schema does, with the same messages', () => {
    const build = () =>
      z.object({
        summary: z.string().check(z.trim(), z.minLength(1, 'summary is required'), z.maxLength(5)),
        tags: z.optional(z.array(z.string())),
        link: z.optional(z.union([z.literal(''), z.url('must be a web link')])),
      });
    const eager = build();
    const lazy = lazySchema(build);
    for (const input of [
      { summary: ' ok ' },
      { summary: '', tags: ['a'] },
      { summary: 'far too long', link: 'nope' },
      { summary: 'x', tags: 'a' },
      null,
      'text',
    ]) {
      expect(z.safeParse(lazy, input)).toEqual(z.safeParse(eager, input));
    }
    expect(() => parseOrThrow(lazy, { summary: '' }, 'change')).toThrow(
      'The change is not valid — summary: summary is required.',
    );
  });

  it('goes wherever a schema goes: optional, extended, in a union, told apart by instanceof', () => {
    const base = lazySchema(() => z.object({ id: z.string() }));
    const extended = z.extend(base, { n: z.number() });
    expect(z.parse(extended, { id: 'a', n: 1 })).toEqual({ id: 'a', n: 1 });
    expect(z.safeParse(extended, { id: 'a' }).success).toBe(false);
    expect(z.parse(z.object({ inner: z.optional(base) }), {})).toEqual({});
    expect(z.parse(z.union([base, z.string()]), 'x')).toBe('x');
    expect(base instanceof z.ZodMiniObject).toBe(true);
    expect(base._zod.def.type).toBe('object');
  });
});
