import { describe, expect, it } from '@jest/globals';
import { evidenceStrength } from './evidence-strength.js';

const target = (level: number | null, sources: string[] = []) => ({ currentLevel: level, sources });
const two = ['observation', 'artifact'];

describe('evidence strength (the talent review grid column)', () => {
  it('is limited for a role without targets or without evidence', () => {
    expect(evidenceStrength([]).strength).toBe('limited');
    expect(evidenceStrength([target(null), target(null)]).strength).toBe('limited');
  });

  it('is strong at two thirds of targets corroborated by two sources, and not one short of it', () => {
    expect(evidenceStrength([target(3, two), target(2, two), target(null)]).strength).toBe('strong');
    expect(evidenceStrength([target(3, two), target(2, ['observation']), target(null)]).strength).toBe('moderate');
  });

  it('is moderate from half the targets evidenced, whatever the sources, and limited below', () => {
    expect(evidenceStrength([target(1, ['self_reflection']), target(null)]).strength).toBe('moderate');
    expect(evidenceStrength([target(1, ['self_reflection']), target(null), target(null)]).strength).toBe('limited');
  });

  it('says what it counted', () => {
    expect(evidenceStrength([target(3, two), target(null)]).detail).toBe('1 of 2 targets evidenced, 1 from 2+ sources');
  });

  it('reads no level: a low rating from two sources is as strong as a high one', () => {
    expect(evidenceStrength([target(1, two)]).strength).toBe(evidenceStrength([target(4, two)]).strength);
  });
});
