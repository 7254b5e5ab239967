// Pure helpers for the schedule grid: which period to open, where the cursor
// goes on a key, what a typed code means, and the small texts the cells show.

import type { CoverageCount, GridCell, GridRow, ScheduleView, SchedulePeriod, TimeOffKind, Violation } from '../lib/scheduleTypes';
import { MONTHS, hoursText } from '../lib/format';

/** The period containing today, else the latest one, else null. */
export function defaultPeriod(periods: readonly SchedulePeriod[], today: string): SchedulePeriod | null {
  const current = periods.find((p) => p.start_date <= today && today <= p.end_date);
  if (current) return current;
  let latest: SchedulePeriod | null = null;
  for (const p of periods) if (!latest || p.start_date > latest.start_date) latest = p;
  return latest;
}

/** The day after the latest period ends ("" with no period: the backend then
 *  starts the first on the pay period holding today). */
export function nextPeriodStart(periods: readonly SchedulePeriod[]): string {
  let end = '';
  for (const p of periods) if (p.end_date > end) end = p.end_date;
  if (!end) return '';
  const [y, m, d] = end.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

/** A printed band of days: the day indexes from `from` (inclusive) to `to` (exclusive). */
export interface Band {
  from: number;
  to: number;
}

/** Splits a period's days into printed bands of whole weeks, at most `maxWeeks`
 *  each and as even as can be (6 weeks: 3 + 3; 5: 3 + 2; 4: 2 + 2), so the grid
 *  prints at a readable size instead of shrinking to one page. */
export function weekBands(days: number, maxWeeks = 3): Band[] {
  const weeks = Math.ceil(days / 7);
  if (weeks === 0) return [];
  const count = Math.ceil(weeks / maxWeeks);
  const bands: Band[] = [];
  let week = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.ceil((weeks - week) / (count - i));
    bands.push({ from: week * 7, to: Math.min(days, (week + size) * 7) });
    week += size;
  }
  return bands;
}

/** "2026-03-02" → "2 Mar 2026" (or "2 Mar" without the year). */
export function shortDate(iso: string, withYear = true): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[m - 1]?.slice(0, 3) ?? '';
  return withYear ? `${d} ${month} ${y}` : `${d} ${month}`;
}

/** "2 Mar – 12 Apr 2026" (the year on both ends only when they differ). */
export function periodRange(p: Pick<SchedulePeriod, 'start_date' | 'end_date'>): string {
  const sameYear = p.start_date.slice(0, 4) === p.end_date.slice(0, 4);
  return `${shortDate(p.start_date, !sameYear)} – ${shortDate(p.end_date)}`;
}

/**
 * A period as every list of periods names it (the Schedule's period picker,
 * the Reports' period choice): "2 Mar – 12 Apr 2026 · 6 weeks · draft".
 */
export function periodLabel(p: Pick<SchedulePeriod, 'start_date' | 'end_date' | 'weeks' | 'status'>): string {
  return `${periodRange(p)} · ${p.weeks} weeks${p.status === 'draft' ? ' · draft' : ''}`;
}

/** The day header: weekday letter and day of month ("M", "2"). */
export function dayHead(date: string, weekday: string): { letter: string; day: string } {
  return { letter: weekday.slice(0, 1), day: String(Number(date.slice(8, 10))) };
}

/** 2220 → "37", 2250 → "37.5", 2265 → "37.75": hours as everywhere (`hoursText`). */
export function hours(minutes: number): string {
  return hoursText(minutes);
}

export const TIME_OFF_SHORT: Record<TimeOffKind, string> = {
  pto: 'PTO',
  sick: 'Sick',
  education: 'Edu',
  fmla: 'FMLA',
  other: 'Off',
};

/** What a cell shows: the shift code, else the time off (approved or requested),
 *  else "CO" where the person called out, else nothing. */
export function cellText(c: GridCell): string {
  if (c.shift_code) return c.shift_code;
  if (c.time_off) return TIME_OFF_SHORT[c.time_off];
  if (c.called_out) return 'CO';
  return '';
}

/** A sentence describing the cell for screen readers and the title. */
export function cellTitle(name: string, c: GridCell): string {
  const parts = [`${name}, ${shortDate(c.date)}`];
  parts.push(c.shift_code ? `shift ${c.shift_code}` : 'off');
  if (c.time_off) {
    parts.push(`${c.time_off_status === 'approved' ? 'approved' : 'requested'} ${TIME_OFF_SHORT[c.time_off]}`);
  }
  if (c.called_out) parts.push(c.called_out);
  if (c.changed_after_publish) parts.push('changed after publishing');
  if (c.locked) parts.push('locked');
  if (c.violation) parts.push(c.violation === 'block' ? 'rule broken' : 'warning');
  return parts.join(' · ');
}

export function cellKey(staffId: number, date: string): string {
  return `${staffId}|${date}`;
}

/** All rows of the view, in the order they appear. */
export function flatRows(view: Pick<ScheduleView, 'groups'>): GridRow[] {
  return view.groups.flatMap((g) => g.rows);
}

/** The cells a violation names, as keys. */
export function violationKeys(v: Violation | null): Set<string> {
  return cellKeys(v?.cells ?? []);
}

/** The grid keys of cells named by a violation or a refusal. */
export function cellKeys(cells: readonly { staff_id: number; date: string }[]): Set<string> {
  return new Set(cells.map((c) => cellKey(c.staff_id, c.date)));
}

/** A cell of the grid, by person and date (survives a new view). */
export type CellRef = { staffId: number; date: string };

export interface Cursor {
  row: number;
  col: number;
}

/** Where the cursor goes for a key, or null when the key does not move it. */
export function moveCursor(c: Cursor, key: string, rows: number, cols: number, ctrl = false): Cursor | null {
  if (rows === 0 || cols === 0) return null;
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (k: number) => Math.max(0, Math.min(cols - 1, k));
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(c.row - 1), col: c.col };
    case 'ArrowDown':
      return { row: clampRow(c.row + 1), col: c.col };
    case 'ArrowLeft':
      return { row: c.row, col: clampCol(c.col - 1) };
    case 'ArrowRight':
      return { row: c.row, col: clampCol(c.col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: c.row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row: c.row, col: cols - 1 };
    case 'PageUp':
      return { row: c.row, col: clampCol(c.col - 7) };
    case 'PageDown':
      return { row: c.row, col: clampCol(c.col + 7) };
    default:
      return null;
  }
}

export type Typed = { kind: 'assign'; code: string } | { kind: 'wait' } | { kind: 'none' };

/**
 * What the letters typed so far mean, ignoring case: a complete code that no
 * longer code starts with assigns at once; a code that is also the start of a longer
 * one waits for the next key (or the pause); anything else means nothing.
 */
export function resolveTyped(buffer: string, codes: readonly string[]): Typed {
  const b = buffer.toLowerCase();
  if (!b) return { kind: 'none' };
  const exact = codes.find((c) => c === buffer) ?? codes.find((c) => c.toLowerCase() === b);
  const longer = codes.some((c) => c.toLowerCase().startsWith(b) && c.toLowerCase() !== b);
  if (exact && !longer) return { kind: 'assign', code: exact };
  if (longer) return { kind: 'wait' };
  return { kind: 'none' };
}

/** The code to assign when typing pauses on a complete code, else null. */
export function typedAtPause(buffer: string, codes: readonly string[]): string | null {
  const b = buffer.toLowerCase();
  return codes.find((c) => c === buffer) ?? codes.find((c) => c.toLowerCase() === b) ?? null;
}

/** "5/6": scheduled against the minimum. */
export function coverageText(c: CoverageCount): string {
  if (c.status === 'none') return c.scheduled > 0 ? String(c.scheduled) : '';
  return `${c.scheduled}/${c.minimum}`;
}

export function coverageTitle(label: string, date: string, c: CoverageCount): string {
  const need = c.status === 'none' ? 'no need set' : `minimum ${c.minimum}, target ${c.target}`;
  const verdict =
    c.status === 'short' ? ` — short by ${c.minimum - c.scheduled}`
    : c.status === 'under_target' ? ` — ${c.target - c.scheduled} under target`
    : '';
  return `${label}, ${shortDate(date)}: ${c.scheduled} scheduled, ${need}${verdict}`;
}

/**
 * A row's "paid/target" figure: the paid hours (shifts and paid time off)
 * exactly as the total column, the printed schedule, the reports and the
 * Fill's review write them (`hours`, never rounded to the hour, so 195.5 h
 * is not shown as 196), against the target the backend sends (none for per
 * diem and agency staff and for anyone no coverage need asks for: "—"), and
 * whether they pass it. The target is never worked out here.
 */
export function rowHours(paidMinutes: number, targetMinutes: number | null): { text: string; goal: string; over: boolean } {
  const goal = targetMinutes === null ? '—' : hours(targetMinutes);
  return { text: `${hours(paidMinutes)}/${goal}`, goal, over: targetMinutes !== null && paidMinutes > targetMinutes };
}
