// The grid's worked-vs-scheduled layer: what the time clock shows on the
// days behind us, as a small mark in the cell's lower left and a sentence
// in its tooltip.
import type { WorkedCell, WorkedMark } from '../lib/bindings';
import { cellKey } from './grid';

/** Cell key → what the clock shows that day. */
export function workedMap(cells: readonly WorkedCell[]): Map<string, WorkedCell> {
  return new Map(cells.map((c) => [cellKey(c.staff_id, c.date), c]));
}

/** The mark's one character: worked as scheduled, an exception open, no-show, unscheduled. */
export function workedMarker(mark: WorkedMark): string {
  switch (mark) {
    case 'as_scheduled':
      return '✓';
    case 'exception':
      return '!';
    case 'no_show':
      return '✗';
    case 'unscheduled':
      return '+';
  }
}

/** The counts for the toolbar's tooltip: "24 worked as scheduled, 3 to review, 1 no-show". */
export function workedSummary(cells: readonly WorkedCell[]): string {
  const n = (m: WorkedMark) => cells.filter((c) => c.mark === m).length;
  const parts = [`${n('as_scheduled')} worked as scheduled`];
  const review = n('exception') + n('unscheduled');
  if (review) parts.push(`${review} to review`);
  const absent = n('no_show');
  if (absent) parts.push(`${absent} no-show${absent === 1 ? '' : 's'}`);
  return parts.join(', ');
}
