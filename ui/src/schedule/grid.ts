// Pure helpers for the schedule grid: which period to open, where the cursor
// goes on a key, what a typed code means, and the small texts the cells show.

import type { CoverageCount, GridCell, GridRow, ScheduleView, SchedulePeriod, TimeOffKind, Violation } from '../lib/scheduleTypes';
import type { EmploymentType } from '../lib/bindings';
import { MONTHS, fteText, hoursText } from '../lib/format';

export { fteText };

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
  if (c.not_employed) parts.push(c.not_employed);
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

/**
 * "5/6": scheduled against the minimum. A skill line (Charge) counts the
 * need it meets, not everyone who holds the skill: five RNs who could take
 * charge on a shift that needs one charge nurse read "1/1", not "5/1"
 * (which read as five charge nurses). The title says how many hold it.
 */
export function coverageText(c: CoverageCount, skill = false): string {
  if (c.status === 'none') return c.scheduled > 0 && !skill ? String(c.scheduled) : '';
  const met = skill ? Math.min(c.scheduled, Math.max(c.minimum, c.target)) : c.scheduled;
  return `${met}/${c.minimum}`;
}

/**
 * A coverage line's shifts (cells) below the minimum and under the target
 * over the period, as the Fill's review counts them: "2 short · 12 under
 * target", or "" when every day is met.
 */
export function lineGaps(days: readonly Pick<CoverageCount, 'status'>[]): string {
  const short = days.filter((c) => c.status === 'short').length;
  const under = days.filter((c) => c.status === 'under_target').length;
  const parts: string[] = [];
  if (short) parts.push(`${short} short`);
  if (under) parts.push(`${under} under target`);
  return parts.join(' · ');
}

/**
 * A coverage cell's title in words, from its row's label ("Day · RN",
 * "Day · Charge"): "Day, 2 Mar 2026: 5 of 5 RN (minimum 5, target 6)", or
 * for a skill "Day, 2 Mar 2026: 1 of 1 Charge (minimum 1; 5 people on the
 * shift hold it)".
 */
export function coverageTitle(label: string, date: string, c: CoverageCount, skill = false): string {
  const [shift, who = ''] = label.split(' · ');
  const head = `${shift}, ${shortDate(date)}`;
  const need = c.status === 'none' ? 'no need set' : `minimum ${c.minimum}${c.target > c.minimum ? `, target ${c.target}` : ''}`;
  const verdict =
    c.status === 'short' ? ` — short by ${c.minimum - c.scheduled}`
    : c.status === 'under_target' ? ` — ${c.target - c.scheduled} under target`
    : '';
  if (skill) {
    const met = Math.min(c.scheduled, Math.max(c.minimum, c.target));
    const holders = c.scheduled === 1 ? '1 person on the shift holds it' : `${c.scheduled} people on the shift hold it`;
    if (c.status === 'none') return `${head}: no ${who} need set (${holders})`;
    return `${head}: ${met} of ${c.minimum} ${who} (${need}; ${holders})${verdict}`;
  }
  if (c.status === 'none') return `${head}: ${c.scheduled} ${who} scheduled, no need set`;
  return `${head}: ${c.scheduled} of ${c.minimum} ${who} (${need})${verdict}`;
}

/** The small label of a row paid by the hour: "PRN" (per diem) or "Agency". */
export function hourlyBadge(kind: EmploymentType): { text: string; title: string } | null {
  if (kind === 'per_diem') return { text: 'PRN', title: 'Per diem (PRN): paid by the hour, no FTE target; the Fill uses them after your own staff' };
  if (kind === 'agency') return { text: 'Agency', title: 'Agency: paid by the hour, no FTE; the Fill uses them last' };
  return null;
}

/**
 * A row's "paid/target" figure: the paid hours (shifts and paid time off)
 * exactly as the total column, the printed schedule, the reports and the
 * Fill's review write them (`hours`, never rounded to the hour, so 195.5 h
 * is not shown as 196), against the target the backend sends, and whether
 * they pass it. With no target (per diem and agency staff, anyone no
 * coverage need asks for) only the hours show ("180 h"), never "180/—",
 * and `why` is the backend's reason ("no LPN coverage set") for the title
 * and the review. The target is never worked out here.
 */
export function rowHours(
  paidMinutes: number,
  targetMinutes: number | null,
  why: string | null = null,
  shifts = 0,
): { text: string; goal: string | null; over: boolean; why: string | null } {
  if (targetMinutes === null) return { text: `${hours(paidMinutes)} h`, goal: null, over: false, why };
  const goal = hours(targetMinutes);
  // Whole shifts rarely add up to an FTE's hours exactly (0.6 FTE of 240 h
  // is 144 h: 12 shifts of 11.5 paid hours are 138 h, 13 are 149.5 h), so a
  // total within half of the person's average shift of the target is as near
  // as whole shifts come, and not marked over.
  const slack = shifts > 0 ? paidMinutes / shifts / 2 : 0;
  return { text: `${hours(paidMinutes)}/${goal}`, goal, over: paidMinutes - targetMinutes > slack, why: null };
}

/** The hours figure's title: "180 paid hours · no target: no LPN coverage set". */
export function rowHoursTitle(t: { paid_minutes: number; paid_time_off_minutes: number; target_minutes: number | null; fte_hundredths: number; no_target: string | null }, kind: EmploymentType): string {
  const off = t.paid_time_off_minutes ? ` (${hours(t.paid_time_off_minutes)} of them paid time off)` : '';
  if (t.target_minutes === null) {
    const hint = t.no_target?.startsWith('no ') ? '. Set it in Settings → Coverage to give them target hours' : '';
    return `${hours(t.paid_minutes)} paid hours${off} · no target: ${t.no_target ?? 'none set'}${hint}`;
  }
  return `${hours(t.paid_minutes)} of ${hours(t.target_minutes)} paid hours for FTE ${fteText(t.fte_hundredths, kind)}${off}`;
}
