import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../../src/store/codec.ts';

/** Rows keep keyv's own encoding (@keyv/serialize), so stores written before read the same. */
describe("store values in keyv's encoding", () => {
  it('writes plain values as JSON and escapes strings that start with a colon', () => {
    const value = { a: 1, list: ['x', null, true], nested: { s: 'said: "no"' }, skipped: undefined };
    expect(serialize({ value, expires: 5 })).toBe(JSON.stringify({ value, expires: 5 }));
    expect(serialize({ value: { s: ':x', t: ['::y'] } })).toBe('{"value":{"s":"::x","t":[":::y"]}}');
    expect(serialize(':top')).toBe('"::top"');
    expect(serialize({ value: { b: Buffer.from('hi') } })).toBe('{"value":{"b":":base64:aGk="}}');
    expect(serialize(undefined)).toBe('null');
  });

  it('reads rows keyv wrote: escaped colons and base64 buffers come back as they were', () => {
    const read = deserialize<{ value: { s: string; t: string[]; b: Buffer; key: string } }>(
      '{"value":{"s":"::x","t":[":::y","plain"],"b":":base64:aGk=","key":"k"},"expires":null}',
    );
    expect(read.value.s).toBe(':x');
    expect(read.value.t).toEqual(['::y', 'plain']);
    expect(Buffer.isBuffer(read.value.b) && read.value.b.toString()).toBe('hi');
    expect(deserialize('{"value":{"s":"a\\\\\\":b"}}')).toEqual({ value: { s: 'a\\":b' } });
  });

  it('round-trips values whose strings hold quotes, commas and colons anywhere', () => {
    const value = { 'k,': ':v', q: 'x":y', r: ',":', list: [':', '', 'a:b'] };
    expect(deserialize(serialize({ value }))).toEqual({ value });
  });
});
