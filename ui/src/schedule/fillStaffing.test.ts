import { describe, expect, it } from 'vitest';
import type { FillStaffing } from '../lib/scheduleTypes';
import { aboveMinimumText, existingText, wholeDollars } from './fillStaffing';

const staffing = (over: Partial<FillStaffing> = {}): FillStaffing => ({
  staff_to: 'target',
  above_minimum_shifts: 84,
  above_minimum_cents: 4_994_200,
  left_open: [],
  existing_changed: 0,
  ...over,
});

describe('fill staffing lines', () => {
  it('states the cost of staffing above the minimum', () => {
    expect(aboveMinimumText(staffing())).toBe('Staffing above minimum: 84 shifts, $49,942');
    expect(aboveMinimumText(staffing({ above_minimum_shifts: 1, above_minimum_cents: 55_049 }))).toBe(
      'Staffing above minimum: 1 shift, $550',
    );
  });

  it('says when the fill staffed to the minimum only', () => {
    expect(aboveMinimumText(staffing({ staff_to: 'minimum', above_minimum_shifts: 0, above_minimum_cents: 0 }))).toBe(
      'Staffed to the minimum only',
    );
    expect(aboveMinimumText(staffing({ staff_to: 'minimum', above_minimum_shifts: 2, above_minimum_cents: 120_000 }))).toBe(
      'Staffed to the minimum only (kept above it: 2 shifts, $1,200)',
    );
  });

  it('counts changes to existing shifts only when they were kept', () => {
    expect(existingText(staffing({ existing_changed: 3 }))).toBe('Changes to existing shifts: 3');
    expect(existingText(staffing({ existing_changed: null }))).toBeNull();
  });

  it('rounds to whole dollars', () => {
    expect(wholeDollars(38_335_449)).toBe('$383,354');
    expect(wholeDollars(0)).toBe('$0');
  });
});
