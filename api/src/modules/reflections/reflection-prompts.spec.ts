import { describe, expect, it } from '@jest/globals';
import { promptsFor } from './reflection-prompts.js';

describe('promptsFor', () => {
  it('asks about the attribute by name', () => {
    const prompts = promptsFor({ title: 'Collaboration', description: '' });
    expect(prompts).toHaveLength(3);
    expect(prompts[0]).toBe(
      'When did you practise collaboration this month? What did it change for the people around you?',
    );
  });

  it("opens with the description's first sentence when there is one", () => {
    const [first, ...rest] = promptsFor({
      title: 'Advocacy',
      description: 'Leaders speak up for every learner. They build coalitions.',
    });
    expect(first).toBe(
      '"Leaders speak up for every learner." Where do you see this in your own work, and where not yet?',
    );
    expect(rest).toHaveLength(3);
  });

  it('keeps a long first sentence within what a reflection stores as its prompt', () => {
    const [first] = promptsFor({ title: 'Transformation', description: 'x'.repeat(2000) });
    expect(first!.length).toBeLessThanOrEqual(500);
    expect(first).toContain('…');
  });
});
