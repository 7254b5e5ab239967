import { describe, expect, it } from 'vitest';
import { fiscalSpan, tabAfterKey } from './tabs';

describe('tabAfterKey', () => {
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(tabAfterKey('sheet', 'ArrowRight')).toBe('actuals');
    expect(tabAfterKey('sheet', 'ArrowLeft')).toBe('productivity');
    expect(tabAfterKey('productivity', 'ArrowRight')).toBe('sheet');
    expect(tabAfterKey('variance', 'Home')).toBe('sheet');
    expect(tabAfterKey('variance', 'End')).toBe('productivity');
    expect(tabAfterKey('variance', 'Enter')).toBeNull();
  });
});

describe('fiscalSpan', () => {
  it('spans twelve months from the start month', () => {
    expect(fiscalSpan(2026, 7)).toBe('Jul 2026 – Jun 2027');
    expect(fiscalSpan(2026, 1)).toBe('Jan 2026 – Dec 2026');
    expect(fiscalSpan(2026, 12)).toBe('Dec 2026 – Nov 2027');
    expect(fiscalSpan(2026, 2)).toBe('Feb 2026 – Jan 2027');
  });
});
