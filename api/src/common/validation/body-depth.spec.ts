import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { MAX_BODY_DEPTH, nestedDeeperThan } from './body-depth.js';

const objects = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const arrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('nestedDeeperThan', () => {
  it('counts each object or array level, and nothing else', () => {
    expect(nestedDeeperThan(null, 0)).toBe(false);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan({ a: [1] }, 2)).toBe(false);
    expect(nestedDeeperThan({ a: [1] }, 1)).toBe(true);
    expect(nestedDeeperThan([{ a: 1 }, [[[]]]], 3)).toBe(true);
    expect(nestedDeeperThan([{ a: 1 }, [[[]]]], 4)).toBe(false);
  });

  it('allows MAX_BODY_DEPTH levels and refuses one more, without recursing', () => {
    expect(nestedDeeperThan(objects(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestedDeeperThan(objects(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
    expect(nestedDeeperThan(arrays(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
    expect(nestedDeeperThan(arrays(100_000), MAX_BODY_DEPTH)).toBe(true);
  });

  it('does not walk a stream (a CSV upload)', () => {
    expect(nestedDeeperThan(Readable.from(['a,b']), 0)).toBe(false);
  });
});
