// Staff requests on the grid: a map by cell, the marker a cell shows, and
// the words of its tooltip and menu.
import type { ShiftType, StaffRequest } from '../lib/bindings';
import { cellKey } from './grid';

export const PRIORITY_WORDS: Record<StaffRequest['priority'], string> = {
  must: 'must',
  strong: 'strong',
  nice: 'nice to have',
};

/** Requests by cell key (one per person per day). */
export function requestMap(list: StaffRequest[]): Map<string, StaffRequest> {
  return new Map(list.map((r) => [cellKey(r.staff_id, r.date), r]));
}

/** "asked off (strong)", "asked to work N (must)", "asked to work any shift (nice to have)", with the note. */
export function requestText(r: StaffRequest, shiftTypes: ShiftType[]): string {
  const shift = r.shift_type_id === null ? null : shiftTypes.find((s) => s.id === r.shift_type_id);
  const what = r.kind === 'off' ? 'asked off' : `asked to work ${shift ? shift.code : 'any shift'}`;
  const note = r.note.trim() ? `: “${r.note.trim()}”` : '';
  return `${what} (${PRIORITY_WORDS[r.priority]})${note}`;
}

/** The cell's marker: "−" off, "+" to work, with the shift's code when one is named. */
export function requestMarker(r: StaffRequest, shiftTypes: ShiftType[]): string {
  if (r.kind === 'off') return '−';
  const shift = r.shift_type_id === null ? null : shiftTypes.find((s) => s.id === r.shift_type_id);
  return shift ? `+${shift.code}` : '+';
}
