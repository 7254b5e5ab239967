// Words and figures of the Time & attendance screen.
import type { PeriodChoice, PunchMapping, PunchField, PunchReplace } from '../lib/bindings';
import { plural } from '../lib/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-01" → "1 Nov 2026". */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "1 Nov – 14 Nov 2026 · approved". */
export function periodLabel(p: PeriodChoice): string {
  const [from, to] = [day(p.start), day(p.end)];
  const sameYear = p.start.slice(0, 4) === p.end.slice(0, 4);
  const span = `${sameYear ? from.replace(/ \d{4}$/, '') : from} – ${to}`;
  const state = p.current ? 'current' : p.approved ? 'approved' : p.punches > 0 ? 'to approve' : 'no punches';
  return `${span} · ${state}`;
}

/** The mapping with column `i` set to `field` (null: not imported); a field mapped elsewhere moves here. */
export function mapColumn(m: PunchMapping, i: number, field: PunchField | null): PunchMapping {
  const columns = m.columns.map((c, j) => (j === i ? field : c === field && field !== null ? null : c));
  return { ...m, columns };
}

/**
 * A count of the time clock's records, each a shift clocked in and out (or
 * with a half missing): "1 clocked shift", "4 clocked shifts". Every screen
 * counts them in these words (a record is a pair of punches, not a punch).
 */
export function clocked(n: number): string {
  return plural(n, 'clocked shift', 'clocked shifts');
}

/** What an import does to its days: "2 clocked shifts added, 2 removed, 3 unchanged". */
export function changeText(r: PunchReplace): string {
  return `${clocked(Number(r.added))} added, ${Number(r.removed)} removed, ${Number(r.unchanged)} unchanged`;
}

/** The meal rule applied by an import's preview (the file has no meal column). */
export function mealsText(n: number): string {
  return `no meal column: the shift's unpaid break deducted from ${clocked(n)} of 6 h or more (Settings)`;
}

/** "2 clocked shifts corrected by hand are kept; the file's are left out", or '' when none. */
export function handKeptText(r: PunchReplace): string {
  const kept = Number(r.kept_by_hand);
  if (kept === 0) return '';
  const which = kept === 1 ? 'clocked shift corrected by hand is kept' : 'clocked shifts corrected by hand are kept';
  const file = Number(r.left_out) > 0 ? "; the file's are left out" : '';
  return `${kept} ${which}${file}`;
}
