import { describe, expect, it } from '@jest/globals';
import { parseSchoolYear } from './school-year.js';

describe('parseSchoolYear', () => {
  it('reads July 1 to June 30, as UTC bounds [from, to)', () => {
    expect(parseSchoolYear('2025-26')).toEqual({
      schoolYear: '2025-26',
      firstDay: '2025-07-01',
      lastDay: '2026-06-30',
      from: new Date('2025-07-01T00:00:00.000Z'),
      to: new Date('2026-07-01T00:00:00.000Z'),
    });
    expect(parseSchoolYear('2099-00')?.lastDay).toBe('2100-06-30');
  });

  it.each(['2025-27', '2025-25', '2025', '25-26', '2025-2026', '1800-01'])('refuses %s', (text) => {
    expect(parseSchoolYear(text)).toBeNull();
  });
});
