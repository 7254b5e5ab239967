// What a new period's start leaves between it and the period before it.

import type { SchedulePeriod } from '../lib/scheduleTypes';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Whole days from `a` to `b` (YYYY-MM-DD), counted in UTC so a clock
 * change never makes a day 23 or 25 hours. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whether `start` is a whole date the form can judge yet. */
export function isDate(start: string): boolean {
  return ISO.test(start.trim()) && !Number.isNaN(Date.parse(`${start.trim()}T00:00:00Z`));
}

/** The days no period will hold if a period starts on `start`: from the day
 * after the latest period ending before it to the day before `start`; null
 * when it follows on directly, when nothing comes before it, or while the
 * date is not a whole date. */
export function gapBefore(periods: SchedulePeriod[], start: string): { from: string; to: string; days: number } | null {
  if (!isDate(start)) return null;
  const s = start.trim();
  const before = periods.filter((p) => p.end_date < s).map((p) => p.end_date).sort();
  const last = before[before.length - 1];
  if (!last) return null;
  const days = daysBetween(last, s) - 1;
  return days > 0 ? { from: addDays(last, 1), to: addDays(s, -1), days } : null;
}
