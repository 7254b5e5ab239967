import { describe, expect, it } from 'vitest';
import { changeText, dateTyped } from './history';

describe('change history words', () => {
  it('shows before → after for a change', () => {
    expect(changeText({ field: 'Hourly rate', before: '$45.00', after: '$47.50' })).toBe('$45.00 → $47.50');
  });
  it('shows only the value for a field set on a new record', () => {
    expect(changeText({ field: 'FTE', before: null, after: '0.90' })).toBe('0.90');
  });
  it('says a cleared field has no value now', () => {
    expect(changeText({ field: 'Expires on', before: '2026-05-01', after: null })).toBe('2026-05-01 → (none)');
  });
});

describe('history date filters', () => {
  it('send a date once it is typed in full, and an empty one at once', () => {
    expect(dateTyped('')).toBe(true);
    expect(dateTyped('  ')).toBe(true);
    expect(dateTyped('2026-12-07')).toBe(true);
    // Finished in another format: sent, so the backend refuses it beside the field.
    expect(dateTyped('12/07/2026')).toBe(true);
  });
  it('wait while a date is half typed', () => {
    expect(dateTyped('2026-1')).toBe(false);
    expect(dateTyped('2026-12-0')).toBe(false);
  });
});
