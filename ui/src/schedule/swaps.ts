// The grid's mark for approved shift swaps: the cells that received a
// shift through one, each with the sentence its tooltip adds.
import type { ShiftSwap } from '../lib/bindings';
import { cellKey, shortDate } from './grid';

/** Cell key → "Swap approved 7 Dec: Ana Ruiz gave N on 12 Jan to Ben Ode". Newest swap wins. */
export function swapMap(swaps: readonly ShiftSwap[]): Map<string, string> {
  const out = new Map<string, string>();
  const when = (s: ShiftSwap) => shortDate(s.decided_at.slice(0, 10), false);
  // Oldest first, so a later swap of the same cell says what holds now.
  for (const s of [...swaps].reverse()) {
    if (!s.approved) continue;
    out.set(cellKey(s.with_staff_id, s.date),
      `Swap approved ${when(s)}: ${s.name} gave ${s.shift_code} on ${shortDate(s.date, false)} to ${s.with_name}`);
    if (s.with_date && s.with_shift_code) {
      out.set(cellKey(s.staff_id, s.with_date),
        `Swap approved ${when(s)}: ${s.with_name} gave ${s.with_shift_code} on ${shortDate(s.with_date, false)} to ${s.name}`);
    }
  }
  return out;
}
