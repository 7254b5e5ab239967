// Words and figures of the Time & attendance screen.
import type { PeriodChoice, PunchMapping, PunchField } from '../lib/bindings';

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
