// The Fill review's staffing lines: what staffing above the minimum costs,
// how many existing shifts the proposal changes (with "keep existing").

import type { FillStaffing } from '../lib/scheduleTypes';
import { plural } from '../lib/format';

/** Whole dollars with thousands separators: 4994200 → "$49,942". */
export function wholeDollars(cents: number): string {
  const dollars = Math.round(cents / 100);
  return `$${dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** "Staffing above minimum: 84 shifts, $49,942", or, staffed to the
 * minimum only, "Staffed to the minimum only" (with any kept above it). */
export function aboveMinimumText(s: FillStaffing): string {
  const above = `${plural(s.above_minimum_shifts, 'shift')}, ${wholeDollars(s.above_minimum_cents)}`;
  if (s.staff_to === 'minimum') {
    return s.above_minimum_shifts ? `Staffed to the minimum only (kept above it: ${above})` : 'Staffed to the minimum only';
  }
  return `Staffing above minimum: ${above}`;
}

/** "Changes to existing shifts: 3"; none without "keep existing". */
export function existingText(s: FillStaffing): string | null {
  return s.existing_changed === null ? null : `Changes to existing shifts: ${s.existing_changed}`;
}
